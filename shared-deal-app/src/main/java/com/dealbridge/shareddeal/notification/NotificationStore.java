package com.dealbridge.shareddeal.notification;

import com.dealbridge.shareddeal.notification.NotificationDocument.MailState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code notifications} collection. Every state change is one conditional single-document update, so two
 * instances (or a redelivery racing the first delivery) can never both move an e-mail forward.
 */
public class NotificationStore {

    private static final List<String> OPEN_STATES = List.of(MailState.PENDING.name(), MailState.FAILED.name());

    private final MongoOperations mongo;

    public NotificationStore(MongoOperations mongo) {
        this.mongo = mongo;
        // Created here, not by entity scanning (this class lives outside the services' packages): the in-app list
        // reads by recipient, and the collection exists from the start rather than on a first refused request.
        mongo.indexOps(NotificationDocument.class).createIndex(new Index().on("recipientUserId", Sort.Direction.ASC));
    }

    /** The notification id of an event with one recipient (the partner side): {@code idFor(eventId, null)}. */
    public static String idFor(String eventId) {
        return idFor(eventId, null);
    }

    /**
     * The notification id of an event for one recipient: stable, so every delivery of the event lands on the same
     * document per recipient. Without a recipient it is the id the partner side has always stored.
     */
    public static String idFor(String eventId, String recipientUserId) {
        String key = "dealbridge-notification:" + eventId + (recipientUserId == null ? "" : ":" + recipientUserId);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Optional<NotificationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class));
    }

    /**
     * Claims the event: inserts the notification unless one exists already (unique primary key), and answers
     * the stored one either way — the first delivery's decisions (recipient, words, whether to mail) win.
     */
    public NotificationDocument claim(NotificationDocument fresh) {
        if (claimNew(fresh)) {
            return fresh;
        }
        return find(fresh.id()).orElseThrow(() -> new IllegalStateException("notification " + fresh.id()
                + " was claimed and is gone"));
    }

    /** Inserts the notification unless one with its id exists: true when this call inserted it. */
    boolean claimNew(NotificationDocument fresh) {
        try {
            mongo.insert(fresh);
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    /**
     * Gives the e-mail to one attempt for {@code lease}: only while it is still open and nobody else holds a live
     * lease. Empty when another attempt holds it, or it was sent or cancelled meanwhile.
     */
    Optional<NotificationDocument> lease(String id, String token, Duration lease) {
        Instant now = now();
        Query query = Query.query(Criteria.where("_id").is(id).and("mail.state").in(OPEN_STATES)
                .orOperator(Criteria.where("mail.leaseUntil").is(null), Criteria.where("mail.leaseUntil").lt(now)));
        Update update = new Update().set("mail.leaseToken", token).set("mail.leaseUntil", now.plus(lease))
                .inc("mail.attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                NotificationDocument.class));
    }

    void markSent(String id, String token) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("mail.leaseToken").is(token)),
                new Update().set("mail.state", MailState.SENT.name()).set("mail.sentAt", now())
                        .unset("mail.leaseToken").unset("mail.leaseUntil").unset("mail.lastError"),
                NotificationDocument.class);
    }

    /** A failed attempt gives the e-mail back at once, so the next retry need not wait for the lease to run out. */
    void release(String id, String token, String error) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("mail.leaseToken").is(token)),
                new Update().unset("mail.leaseToken").unset("mail.leaseUntil").set("mail.lastError", error),
                NotificationDocument.class);
    }

    /** The toggle was turned off before the e-mail went out. */
    public void cancel(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("mail.state").in(OPEN_STATES)),
                new Update().set("mail.state", MailState.CANCELLED.name()), NotificationDocument.class);
    }

    /** Out of retries: the event went to the dead-letter topic; a redelivery of it would still send. */
    void markFailed(String id, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("mail.state").is(MailState.PENDING.name())),
                new Update().set("mail.state", MailState.FAILED.name()).set("mail.lastError", reason),
                NotificationDocument.class);
    }

    /** One user's notifications, newest first. */
    public List<NotificationDocument> forRecipient(String userId, boolean unreadOnly, int limit) {
        return mongo.find(recipientQuery(userId, unreadOnly)
                        .with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                        .limit(limit),
                NotificationDocument.class);
    }

    public long count(String userId, boolean unreadOnly) {
        return mongo.count(recipientQuery(userId, unreadOnly), NotificationDocument.class);
    }

    /** Marks one of the user's notifications read (keeping the first read time); empty if it is not theirs. */
    public Optional<NotificationDocument> markRead(String id, String userId) {
        NotificationDocument changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("recipientUserId").is(userId).and("read").is(false)),
                new Update().set("read", true).set("readAt", now()),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
        if (changed != null) {
            return Optional.of(changed);
        }
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("recipientUserId").is(userId)),
                NotificationDocument.class));
    }

    private static Query recipientQuery(String userId, boolean unreadOnly) {
        Criteria criteria = Criteria.where("recipientUserId").is(userId);
        if (unreadOnly) {
            criteria = criteria.and("read").is(false);
        }
        return Query.query(criteria);
    }

    /** Mongo keeps milliseconds; truncating keeps what we answer equal to what we stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
