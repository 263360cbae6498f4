package com.dealbridge.crm.notification;

import com.dealbridge.shareddeal.api.ProductNames;
import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealWithdrawn;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Which events notify the CRM's deal team, and as what. The partner's activity (origin PARTNER) notifies the
 * deal team; of this side's own events only an assignment does, and only the newly assigned rep. A rep's own
 * notes, comments or changes are CRM-origin events, so they never notify the CRM side at all.
 */
@Component
class CrmNotificationTriggers {

    private final Map<Class<?>, Function<SharedDealEvent, Optional<CrmTrigger>>> partnerActivity =
            new LinkedHashMap<>();
    private final ProductNames products;

    CrmNotificationTriggers(ProductNames products) {
        this.products = products;
        on(SharedNoteAdded.class, e -> team(CrmNotificationKind.PARTNER_NOTE_ADDED, e.body()));
        on(NoteCommentAdded.class, e -> team(CrmNotificationKind.PARTNER_COMMENT_ADDED, e.body()));
        on(AttachmentAdded.class, e -> team(CrmNotificationKind.PARTNER_ATTACHMENT_ADDED, e.fileName()));
        on(ProductInterestChanged.class, e -> team(CrmNotificationKind.PRODUCT_INTEREST_CHANGED,
                productList(e)));
        on(SharedDealWithdrawn.class, e -> team(CrmNotificationKind.REGISTRATION_WITHDRAWN, e.reason()));
    }

    /** The notification an event causes, if any; the actor is left out of the recipients by the notifier. */
    Optional<CrmTrigger> triggerFor(SharedDealEvent event) {
        if (event.header().origin() == Origin.PARTNER) {
            Function<SharedDealEvent, Optional<CrmTrigger>> mapping = partnerActivity.get(event.getClass());
            return mapping == null ? Optional.empty() : mapping.apply(event);
        }
        if (event instanceof SharedDealAssigned assigned && assigned.rep() != null && assigned.rep().id() != null) {
            return Optional.of(new CrmTrigger(CrmNotificationKind.DEAL_ASSIGNED_TO_YOU, null, assigned.rep().id()));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    final <E extends SharedDealEvent> void on(Class<E> type, Function<E, Optional<CrmTrigger>> mapping) {
        if (partnerActivity.putIfAbsent(type, event -> mapping.apply((E) event)) != null) {
            throw new IllegalStateException("two CRM notification mappings for " + type.getSimpleName());
        }
    }

    private static Optional<CrmTrigger> team(CrmNotificationKind kind, String detail) {
        return Optional.of(CrmTrigger.toDealTeam(kind, detail));
    }

    private String productList(ProductInterestChanged event) {
        if (event.productIds() == null || event.productIds().isEmpty()) {
            return "none";
        }
        Map<String, String> names = products.namesOf(event.productIds());
        return String.join(", ", event.productIds().stream().map(id -> names.getOrDefault(id, id)).toList());
    }
}
