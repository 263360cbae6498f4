package com.dealbridge.partner.account;

import com.dealbridge.kit.security.UserTokens;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.UnprocessableException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Partners and their users. Every change bumps the partner's revision and publishes the whole account to the
 * accounts topic after the save, so the CRM always learns the latest state.
 */
@Service
public class PartnerAccounts {

    /**
     * Notifications are on for new partners: a partner registering leads expects to hear about them, and the
     * toggle in the settings turns them off.
     */
    static final boolean NOTIFY_BY_DEFAULT = true;

    private final MongoOperations mongo;
    private final PartnerAccountsTopic topic;
    private final UserTokens tokens;
    /**
     * Bump-then-publish runs under a per-partner lock so that, within this instance, records reach the compacted
     * topic in revision order: compaction keeps the last record, which must be the newest one.
     */
    private final Object[] stripes = new Object[64];

    PartnerAccounts(MongoOperations mongo, PartnerAccountsTopic topic, UserTokens tokens) {
        this.mongo = mongo;
        this.topic = topic;
        this.tokens = tokens;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    public Optional<Partner> find(String partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(partnerId, PartnerDocument.class)).map(PartnerDocument::toPartner);
    }

    /** The user, if it belongs to that partner. */
    public Optional<PartnerUser> user(String partnerId, String userId) {
        if (partnerId == null || userId == null) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").is(userId).and("partnerId").is(partnerId));
        return Optional.ofNullable(mongo.findOne(query, PartnerUserDocument.class)).map(PartnerUserDocument::toUser);
    }

    /** All users of a partner, oldest first. */
    public List<PartnerUser> users(String partnerId) {
        return userDocuments(partnerId).stream().map(PartnerUserDocument::toUser).toList();
    }

    /**
     * The communication settings (user story 6); publishes the account.
     *
     * @param recipientUserId a user of this partner, or null for nobody
     * @throws NotFoundException      unknown partner
     * @throws UnprocessableException the recipient is not a user of this partner
     */
    public Partner changeCommunication(String partnerId, boolean notifyRegisteredLeadActivity, String recipientUserId) {
        requirePartner(partnerId);
        if (recipientUserId != null && user(partnerId, recipientUserId).isEmpty()) {
            throw UnprocessableException.of("recipientUserId", "is not a user of this partner");
        }
        return bumpAndPublish(partnerId, new Update()
                .set("notifyRegisteredLeadActivity", notifyRegisteredLeadActivity)
                .set("notificationRecipientUserId", recipientUserId));
    }

    Partner create(String name, int capacityLimit) {
        Instant now = now();
        PartnerDocument partner = mongo.insert(new PartnerDocument(UUID.randomUUID().toString(), name.trim(),
                capacityLimit, null, NOTIFY_BY_DEFAULT, 1, now, now));
        synchronized (lockFor(partner.id())) {
            topic.publish(partner, List.of());
        }
        return partner.toPartner();
    }

    /**
     * Adds a user with a fresh token; the first user also becomes the notification recipient, so a deal a rep
     * converts always has an owner.
     *
     * @throws NotFoundException unknown partner
     * @throws ConflictException the partner already has a user with this e-mail (case-insensitive)
     */
    IssuedUser addUser(String partnerId, String name, String email) {
        requirePartner(partnerId);
        UserTokens.Issued token = tokens.issue();
        String trimmedEmail = email.trim();
        PartnerUserDocument user = new PartnerUserDocument(UUID.randomUUID().toString(), partnerId, name.trim(),
                trimmedEmail, trimmedEmail.toLowerCase(Locale.ROOT), token.hash(), now(), token.expiresAt(), null);
        try {
            mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Partner " + partnerId + " already has a user with e-mail " + trimmedEmail);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(partnerId).and("notificationRecipientUserId").is(null)),
                Update.update("notificationRecipientUserId", user.id()), PartnerDocument.class);
        bumpAndPublish(partnerId, new Update());
        return new IssuedUser(user.toUser(), token);
    }

    /** The user whose token this is, while the token is valid (not expired, not replaced, not revoked). */
    Optional<PartnerUser> userByTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(UserTokens.HASH).is(tokenHash)),
                        PartnerUserDocument.class))
                .filter(user -> tokens.valid(user.tokenExpiresAt(), user.createdAt()))
                .map(PartnerUserDocument::toUser);
    }

    /** The users with this e-mail address (case-insensitive), in any partner, for the pages' sign-in. */
    List<PartnerUserDocument> usersByEmail(String email) {
        return mongo.find(Query.query(Criteria.where("emailKey").is(email.trim().toLowerCase(Locale.ROOT))),
                PartnerUserDocument.class);
    }

    /** Stores the user's encoded password. @return whether the user exists */
    boolean setPassword(String userId, String encodedPassword) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
                Update.update("passwordHash", encodedPassword), PartnerUserDocument.class).getMatchedCount() == 1;
    }

    /** A new token for the user; the old one stops working. @throws NotFoundException no such user */
    IssuedUser replaceToken(String partnerId, String userId) {
        UserTokens.Issued token = tokens.replace(userQuery(partnerId, userId), PartnerUserDocument.class);
        if (token == null) {
            throw new NotFoundException("Partner " + partnerId + " has no user " + userId);
        }
        return new IssuedUser(user(partnerId, userId).orElseThrow(), token);
    }

    /** The user's token stops working. @throws NotFoundException no such user */
    void revokeToken(String partnerId, String userId) {
        if (!tokens.revoke(userQuery(partnerId, userId), PartnerUserDocument.class)) {
            throw new NotFoundException("Partner " + partnerId + " has no user " + userId);
        }
    }

    private static Query userQuery(String partnerId, String userId) {
        return Query.query(Criteria.where("_id").is(userId).and("partnerId").is(partnerId));
    }

    private Partner bumpAndPublish(String partnerId, Update update) {
        synchronized (lockFor(partnerId)) {
            PartnerDocument partner = mongo.findAndModify(Query.query(Criteria.where("_id").is(partnerId)),
                    update.inc("revision", 1).set("changedAt", now()),
                    FindAndModifyOptions.options().returnNew(true), PartnerDocument.class);
            if (partner == null) {
                throw new NotFoundException("Partner " + partnerId + " not found");
            }
            topic.publish(partner, userDocuments(partnerId));
            return partner.toPartner();
        }
    }

    private List<PartnerUserDocument> userDocuments(String partnerId) {
        Query query = Query.query(Criteria.where("partnerId").is(partnerId))
                .with(Sort.by("createdAt", "_id"));
        return mongo.find(query, PartnerUserDocument.class);
    }

    private void requirePartner(String partnerId) {
        if (find(partnerId).isEmpty()) {
            throw new NotFoundException("Partner " + partnerId + " not found");
        }
    }

    private Object lockFor(String partnerId) {
        return stripes[Math.floorMod(partnerId.hashCode(), stripes.length)];
    }

    /** Mongo keeps milliseconds; truncating keeps what we answer equal to what we stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A user with the token shown to the admin once. */
    record IssuedUser(PartnerUser user, UserTokens.Issued token) {
    }
}
