package com.dealbridge.partner.notification;

import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.RegistrationChanged;
import com.dealbridge.shareddeal.domain.RegistrationExpiring;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Which of the CRM's shared-deal events notify the partner, and as what. One mapping per event type; every other
 * event (detail changes, product interest, deletions ...) notifies nobody.
 *
 * <p>Adding a trigger is one line in the constructor, using the helpers below for the wording's detail.
 */
@Component
class NotificationTriggers {

    private final Map<Class<?>, Function<SharedDealEvent, Optional<Trigger>>> mappings = new LinkedHashMap<>();

    NotificationTriggers() {
        on(SharedDealRegistered.class, e -> e.registeredBy() == Origin.CRM
                ? Optional.of(new Trigger(NotificationKind.DEAL_REGISTERED_BY_REP, e.welcomeNote(), e.dealName()))
                : Optional.empty());
        on(SharedDealAssigned.class, e -> Optional.of(Trigger.of(NotificationKind.REP_ASSIGNED, e.rep().name())));
        on(DealStageChanged.class, e -> stageReached(e.stage()));
        on(SharedNoteAdded.class, e -> noteAdded(e.body()));
        on(NoteCommentAdded.class, e -> commentAdded(e.body()));
        on(RegistrationExpiring.class, e -> Optional.of(Trigger.of(NotificationKind.REGISTRATION_EXPIRING,
                e.expiresAt().toString())));
        on(RegistrationChanged.class, NotificationTriggers::registrationChanged);
    }

    /** Approvals, releases, rejections and expiries notify; setting or extending the expiry date does not. */
    static Optional<Trigger> registrationChanged(RegistrationChanged e) {
        String state = switch (e.transition()) {
            case APPROVE -> "approved";
            case RELEASE -> "released, now registered";
            case REJECT -> "rejected (" + e.reasonCode() + ")";
            case EXPIRE -> "expired";
            case REVOKE -> "unavailable (" + e.reasonCode() + ")";
            case SET_EXPIRY, EXTEND -> null;
        };
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(Trigger.of(NotificationKind.REGISTRATION_CHANGED, e.reason() == null ? state
                : state + ": " + e.reason()));
    }

    /**
     * The notification an event causes, if any. The partner's own actions never notify the partner: only events
     * the CRM side decided, by a CRM user or the CRM itself, qualify.
     */
    Optional<Trigger> triggerFor(SharedDealEvent event) {
        if (event.header().origin() != Origin.CRM || event.header().actor().type() == ActorType.PARTNER_USER) {
            return Optional.empty();
        }
        Function<SharedDealEvent, Optional<Trigger>> mapping = mappings.get(event.getClass());
        return mapping == null ? Optional.empty() : mapping.apply(event);
    }

    @SuppressWarnings("unchecked")
    final <E extends SharedDealEvent> void on(Class<E> type, Function<E, Optional<Trigger>> mapping) {
        if (mappings.putIfAbsent(type, event -> mapping.apply((E) event)) != null) {
            throw new IllegalStateException("two notification mappings for " + type.getSimpleName());
        }
    }

    /** A rep's shared note; the mail quotes it. */
    static Optional<Trigger> noteAdded(String body) {
        return Optional.of(Trigger.of(NotificationKind.SHARED_NOTE_ADDED, body));
    }

    /** A rep's comment on a shared note; the mail quotes it. */
    static Optional<Trigger> commentAdded(String body) {
        return Optional.of(Trigger.of(NotificationKind.NOTE_COMMENT_ADDED, body));
    }

    /** Only the closing stages notify; moving through the pipeline does not. */
    static Optional<Trigger> stageReached(Stage stage) {
        if (stage == Stage.CLOSED_WON) {
            return Optional.of(Trigger.of(NotificationKind.DEAL_CLOSED_WON, null));
        }
        if (stage == Stage.CLOSED_LOST) {
            return Optional.of(Trigger.of(NotificationKind.DEAL_CLOSED_LOST, null));
        }
        return Optional.empty();
    }
}
