package com.dealbridge.crm.registration;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.RegistrationTransition;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The program's expiry, on the CRM side (the vendor decides registration states): records the reminder once a
 * REGISTERED registration's date is {@code reminder-before} away (its own date, set by an approval, release or
 * extension, or the one its creation implies: {@code expiry-days} after it, which the reminder makes explicit), and
 * expires a registration whose date passed while its deal was open, which frees its domain and slot on both sides
 * (only an active REGISTERED or PENDING deal holds them).
 *
 * <p>Several instances may sweep at once: each decision runs as a change of the deal, decided again on the deal as
 * the store has it after losing a race (the change log's unique sequence per deal), and each is a no-op once made,
 * so a registration expires once and its reminder is recorded once per expiry date, whichever instance wins.
 * Time comes from the {@link Clock} bean, so tests move it instead of waiting.
 */
class RegistrationExpiry {

    private static final Logger log = LoggerFactory.getLogger(RegistrationExpiry.class);
    private static final Actor EXPIRY = new Actor(ActorType.SYSTEM, "registration-expiry", "Registration expiry");
    static final int BATCH = 200;

    private final SharedDeals sharedDeals;
    private final RegistrationExpiryProperties properties;
    private final Clock clock;

    RegistrationExpiry(SharedDeals sharedDeals, RegistrationExpiryProperties properties, Clock clock) {
        this.sharedDeals = sharedDeals;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dealbridge.registration.sweep-interval:1m}", initialDelay = 2000)
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("registration expiry sweep failed; the next one tries again: {}", e.toString());
        }
    }

    /** One pass: reminders, expiries. @return how many registrations expired */
    int sweep() {
        if (!properties.expires()) {
            return 0;
        }
        Instant now = clock.instant();
        Duration days = Duration.ofDays(properties.expiryDays());
        // created REGISTERED and never moved: the date is implied by the creation; the reminder makes it explicit
        // (no event before, so deals far from their expiry carry no extra line on their Shared tab)
        ids(Filters.and(Filters.eq("status", "ACTIVE"), Filters.eq("registrationState",
                RegistrationState.REGISTERED.name()), Filters.eq("expiresAt", null),
                Filters.lte("facts.createdAt", Date.from(now.minus(days).plus(properties.reminderBefore())))))
                .forEach(id -> sharedDeals.change(id, (document, syncClock) -> {
                    DealFacts deal = document.deal().facts();
                    if (deal.activelyRegistered() && deal.registrationState() == RegistrationState.REGISTERED) {
                        document.deal().remindOfExpiry(deal.createdAt().plus(days), syncClock, EXPIRY);
                    }
                }));
        ids(Filters.and(Filters.lte("expiresAt", Date.from(now.plus(properties.reminderBefore()))),
                Filters.ne("expiryReminded", true))).forEach(id -> sharedDeals.change(id, (document, syncClock) -> {
                    if (document.deal().facts().activelyRegistered()) {
                        document.deal().remindOfExpiry(syncClock, EXPIRY);
                    }
                }));
        int expired = 0;
        for (SharedDealId id : ids(Filters.lte("expiresAt", Date.from(now)))) {
            boolean[] done = new boolean[1];
            sharedDeals.change(id, (document, syncClock) -> {
                DealFacts deal = document.deal().facts();
                Instant expiresAt = deal.registration().expiresAt();
                // decided again on the deal as it is now: another instance may have expired or a rep extended it
                if (deal.activelyRegistered() && deal.registrationState() == RegistrationState.REGISTERED
                        && expiresAt != null && !expiresAt.isAfter(clock.instant())) {
                    document.deal().changeRegistration(RegistrationTransition.EXPIRE, null,
                            "not closed within " + properties.expiryDays() + " days", null, syncClock, EXPIRY);
                    done[0] = true;
                }
            });
            expired += done[0] ? 1 : 0;
        }
        return expired;
    }

    private List<SharedDealId> ids(org.bson.conversions.Bson filter) {
        return sharedDeals.store().fields(filter, List.of("_id"), BATCH).stream()
                .map((Document row) -> new SharedDealId(row.getString("_id"))).toList();
    }
}
