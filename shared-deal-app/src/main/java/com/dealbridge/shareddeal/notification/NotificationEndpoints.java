package com.dealbridge.shareddeal.notification;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The current user's in-app notifications, the same on both sides; another user's notification does not exist for
 * the caller (404). Each service's {@code NotificationController} extends this under {@code /api/notifications}.
 */
public abstract class NotificationEndpoints {

    public record NotificationView(String id, String type, String title, String message, String sharedDealId,
                            String dealId, String link, Actor actor, Instant occurredAt, Instant createdAt,
                            boolean read, Instant readAt) {

        public static NotificationView of(NotificationDocument document) {
            return new NotificationView(document.id(), document.kind(), document.title(), document.text(),
                    document.sharedDealId(), document.dealId(), document.link(), new Actor(document.actorName()),
                    document.occurredAt(), document.createdAt(), document.read(), document.readAt());
        }
    }

    public record Actor(String name) {
    }

    /** {@code total} counts the listed kind (all, or unread only); {@code unread} always counts the unread ones. */
    public record NotificationList(List<NotificationView> items, long total, long unread) {
    }

    private final NotificationStore store;

    protected NotificationEndpoints(NotificationStore store) {
        this.store = store;
    }

    /** Newest first; {@code unread=true} lists only unread ones; at most {@code limit} (default 50, up to 200). */
    @GetMapping
    public NotificationList list(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<NotificationView> items = store.forRecipient(caller.id(), unread, limit).stream()
                .map(NotificationView::of).toList();
        return new NotificationList(items, store.count(caller.id(), unread), store.count(caller.id(), true));
    }

    /** Idempotent: reading a read notification again keeps its first read time. */
    @PostMapping("/{id}/read")
    public NotificationView markRead(Caller caller, @PathVariable String id) {
        return store.markRead(id, caller.id()).map(NotificationView::of)
                .orElseThrow(() -> new NotFoundException("Notification " + id + " not found"));
    }
}
