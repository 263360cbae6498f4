package com.dealbridge.partner.notification;

import com.dealbridge.partner.account.Partner;
import com.dealbridge.partner.account.PartnerAccounts;
import com.dealbridge.partner.account.PartnerUser;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.notification.MailDelivery;
import com.dealbridge.shareddeal.notification.NotificationDocument;
import com.dealbridge.shareddeal.notification.NotificationDocument.Mail;
import com.dealbridge.shareddeal.notification.NotificationStore;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a trigger into a notification: always an in-app entry for the recipient, and an e-mail when the partner's
 * toggle is on. Exactly one e-mail per event: the event is claimed (unique key) before anything is sent, then
 * {@link MailDelivery} leases the send to one attempt and marks the claim SENT afterwards. A crash between claim and send leaves the
 * claim PENDING, and the redelivered event sends it then. A crash between the SMTP server's answer and marking
 * SENT sends it again (at-least-once at the SMTP boundary, which no SMTP client can avoid).
 *
 * <p>Recipient: the partner's notification recipient (settings). A partner without one (it has no users yet) is
 * notified in-app through the deal's partner owner, if that is one of its users; there is nobody to e-mail.
 */
@Service
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final PartnerAccounts accounts;
    private final SharedDeals sharedDeals;
    private final NotificationStore store;
    private final MailDelivery delivery;
    private final NotificationProperties properties;

    Notifier(PartnerAccounts accounts, SharedDeals sharedDeals, NotificationStore store, MailDelivery delivery,
             NotificationProperties properties) {
        this.accounts = accounts;
        this.sharedDeals = sharedDeals;
        this.store = store;
        this.delivery = delivery;
        this.properties = properties;
    }

    /**
     * Handles one triggering event; idempotent, so the same event may come any number of times.
     *
     * @throws com.dealbridge.shareddeal.notification.NotificationMailFailed the e-mail could not be sent now (retry later)
     */
    void notify(EventHeader event, String eventType, Trigger trigger) {
        if (event.occurredAt().isBefore(Instant.now().minus(properties.maxEventAge()))) {
            log.info("not notifying about {} {} of {}: older than {}", eventType, event.eventId(),
                    event.occurredAt(), properties.maxEventAge());
            return;
        }
        String id = NotificationStore.idFor(event.eventId());
        Optional<NotificationDocument> fresh = create(id, event, eventType, trigger);
        if (fresh.isPresent()) {
            delivery.claimAndDeliver(fresh.get(), this::stillWanted);
        } else {
            // the partner or its recipient gone since the first delivery: what was claimed then still counts
            store.find(id).ifPresent(claimed -> delivery.deliver(claimed, this::stillWanted));
        }
    }

    private Optional<NotificationDocument> create(String id, EventHeader event, String eventType, Trigger trigger) {
        Optional<Partner> found = accounts.find(event.partnerId());
        if (found.isEmpty()) {
            log.warn("not notifying about {} {}: unknown partner {}", eventType, event.eventId(), event.partnerId());
            return Optional.empty();
        }
        Partner partner = found.get();
        Optional<SharedDealDocument> deal = dealOf(event, trigger);
        Optional<PartnerUser> recipient = accounts.user(partner.id(), partner.notificationRecipientUserId());
        boolean mailWanted = partner.notifyRegisteredLeadActivity();
        if (recipient.isEmpty()) {
            recipient = deal.map(document -> document.deal().facts().partnerOwner()).map(PersonRef::id)
                    .flatMap(ownerId -> accounts.user(partner.id(), ownerId));
            mailWanted = false;
        }
        if (recipient.isEmpty()) {
            log.warn("not notifying about {} {}: partner {} has no notification recipient", eventType,
                    event.eventId(), partner.id());
            return Optional.empty();
        }
        PartnerUser user = recipient.get();
        String dealName = deal.map(document -> document.deal().facts().dealName())
                .or(() -> Optional.ofNullable(trigger.dealName()))
                .orElse("shared deal " + event.sharedDealId());
        String linkId = deal.map(SharedDealDocument::localDealId).orElse(event.sharedDealId());
        String actor = event.actor().displayName() == null || event.actor().displayName().isBlank()
                ? "The vendor's CRM" : event.actor().displayName();
        NotificationMessage message = NotificationMessage.compose(trigger,
                new NotificationMessage.DealRef(dealName, linkId), actor, user.name(), partner.name(),
                properties.portalBaseUrl());
        Mail mail = mailWanted && user.email() != null && !user.email().isBlank()
                ? Mail.pending(user.email(), message.subject(), message.mailBody())
                : Mail.notWanted();
        return Optional.of(new NotificationDocument(id, event.eventId(), eventType, trigger.kind().name(),
                partner.id(), user.id(), event.sharedDealId(), linkId, message.subject(), message.text(),
                message.link(), actor, event.occurredAt(), NotificationStore.now(), false, null, mail));
    }

    /**
     * The deal as sync holds it here. The notification consumer reads the same events as sync, in its own group, so
     * it may be a little ahead: for an event that does not carry the deal's name, it waits a moment for sync to
     * apply the deal, rather than mailing "shared deal <id>".
     */
    private Optional<SharedDealDocument> dealOf(EventHeader event, Trigger trigger) {
        SharedDealId id = new SharedDealId(event.sharedDealId());
        Optional<SharedDealDocument> deal = sharedDeals.find(id);
        long deadline = System.nanoTime() + properties.dealSyncWait().toNanos();
        while (deal.isEmpty() && trigger.dealName() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            deal = sharedDeals.find(id);
        }
        return deal;
    }

    /** The toggle is read again before every retry: turning it off stops e-mails at once, even pending ones. */
    private boolean stillWanted(NotificationDocument notification) {
        return accounts.find(notification.partnerId()).map(Partner::notifyRegisteredLeadActivity).orElse(false);
    }
}
