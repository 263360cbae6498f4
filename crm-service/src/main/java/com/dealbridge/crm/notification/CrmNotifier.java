package com.dealbridge.crm.notification;

import com.dealbridge.crm.rep.SalesRep;
import com.dealbridge.crm.rep.SalesReps;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.notification.MailDelivery;
import com.dealbridge.shareddeal.notification.NotificationDocument;
import com.dealbridge.shareddeal.notification.NotificationDocument.Mail;
import com.dealbridge.shareddeal.notification.NotificationStore;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * Turns a CRM trigger into one notification per recipient: an in-app entry and an e-mail to the rep's address.
 * Each (event, recipient) is claimed under its own id before anything is sent, so a redelivery after one
 * recipient was mailed mails only the ones not mailed yet, and nobody twice. The recipients are the deal team —
 * today the assigned rep — or the one rep an assignment names; the actor is never among them.
 */
@Service
class CrmNotifier {

    private static final Logger log = LoggerFactory.getLogger(CrmNotifier.class);
    private static final int QUOTE_LIMIT = 500;

    private final SharedDeals sharedDeals;
    private final SalesReps reps;
    private final NotificationStore store;
    private final MailDelivery delivery;
    private final CrmNotificationProperties properties;

    CrmNotifier(SharedDeals sharedDeals, SalesReps reps, NotificationStore store, MailDelivery delivery,
                CrmNotificationProperties properties) {
        this.sharedDeals = sharedDeals;
        this.reps = reps;
        this.store = store;
        this.delivery = delivery;
        this.properties = properties;
    }

    /**
     * Handles one triggering event; idempotent, so the same event may come any number of times.
     *
     * @throws com.dealbridge.shareddeal.notification.NotificationMailFailed a recipient's e-mail could not be sent
     *         now (retry later)
     */
    void notify(EventHeader event, String eventType, CrmTrigger trigger) {
        if (event.occurredAt().isBefore(Instant.now().minus(properties.maxEventAge()))) {
            log.info("not notifying the CRM about {} {} of {}: older than {}", eventType, event.eventId(),
                    event.occurredAt(), properties.maxEventAge());
            return;
        }
        Optional<SharedDealDocument> deal = sharedDeals.find(new SharedDealId(event.sharedDealId()));
        for (String recipientId : recipients(event, trigger, deal)) {
            String id = NotificationStore.idFor(event.eventId(), recipientId);
            Optional<SalesRep> rep = reps.find(recipientId);
            if (rep.isPresent()) {
                delivery.claimAndDeliver(notification(id, event, eventType, trigger, deal, rep.get()),
                        this::repStillActive);
            } else {
                // a rep gone since the first delivery: what was claimed for them is cancelled, not lost
                store.find(id).ifPresent(claimed -> delivery.deliver(claimed, this::repStillActive));
            }
        }
    }

    private static Set<String> recipients(EventHeader event, CrmTrigger trigger, Optional<SharedDealDocument> deal) {
        Set<String> recipients = new LinkedHashSet<>();
        if (trigger.recipientId() != null) {
            recipients.add(trigger.recipientId());
        } else {
            deal.map(document -> document.deal().facts().assignedRep()).map(PersonRef::id)
                    .ifPresent(recipients::add);
        }
        // a rep's own actions never notify that rep
        recipients.remove(event.actor().id());
        return recipients;
    }

    private boolean repStillActive(NotificationDocument notification) {
        return reps.find(notification.recipientUserId()).map(SalesRep::active).orElse(false);
    }

    private NotificationDocument notification(String id, EventHeader event, String eventType, CrmTrigger trigger,
                                              Optional<SharedDealDocument> deal, SalesRep rep) {
        String dealName = deal.map(document -> document.deal().facts().dealName())
                .orElse("shared deal " + event.sharedDealId());
        String linkId = deal.map(SharedDealDocument::localDealId).orElse(event.sharedDealId());
        String link = properties.crmBaseUrl() + "/deals/" + UriUtils.encodePathSegment(linkId, StandardCharsets.UTF_8);
        String actor = event.actor().displayName() == null || event.actor().displayName().isBlank()
                ? "The partner" : event.actor().displayName();
        String subject = trigger.kind().subject(dealName, actor, trigger.detail()).replaceAll("[\\r\\n]+", " ");
        String sentence = trigger.kind().sentence(dealName, actor, trigger.detail());
        String quote = quote(trigger);
        String text = quote == null ? sentence : sentence + "\n" + quote;
        String body = "Hello " + rep.name() + ",\n\n" + text + "\n\n"
                + "Deal: " + dealName + "\nBy: " + actor + "\n"
                + "Open the deal in the CRM workspace: " + link + "\n\n"
                + "-- \nYou receive this e-mail as the sales rep assigned to this shared deal.\n";
        Mail mail = rep.email() == null || rep.email().isBlank() || !rep.active() ? Mail.notWanted()
                : Mail.pending(rep.email(), subject, body);
        return new NotificationDocument(id, event.eventId(), eventType, trigger.kind().name(), event.partnerId(),
                rep.id(), event.sharedDealId(), linkId, subject, text, link, actor, event.occurredAt(),
                NotificationStore.now(), false, null, mail);
    }

    private static String quote(CrmTrigger trigger) {
        String detail = trigger.detail();
        if (!trigger.kind().quotesDetail() || detail == null || detail.isBlank()) {
            return null;
        }
        String trimmed = detail.strip();
        return "\"" + (trimmed.length() > QUOTE_LIMIT ? trimmed.substring(0, QUOTE_LIMIT) + "..." : trimmed) + "\"";
    }
}
