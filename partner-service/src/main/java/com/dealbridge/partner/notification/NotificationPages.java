package com.dealbridge.partner.notification;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.notification.NotificationDocument;
import com.dealbridge.shareddeal.notification.NotificationEndpoints.NotificationView;
import com.dealbridge.shareddeal.notification.NotificationStore;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The signed-in user's notifications as pages: the list behind the header's bell ({@code /notifications}, newest
 * first), the bell alone for the page to refresh, and opening one, which marks it read (as the API's
 * {@code POST /api/notifications/{id}/read}) and goes to its deal through {@code /deals/{id}}, the e-mails' link.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class NotificationPages {

    /** As many as the API lists by default. */
    static final int SHOWN = 50;

    private final NotificationStore store;

    NotificationPages(NotificationStore store) {
        this.store = store;
    }

    @GetMapping("/notifications")
    String list(Caller caller, Model model) {
        List<NotificationView> items = store.forRecipient(caller.id(), false, SHOWN).stream()
                .map(NotificationView::of).toList();
        model.addAttribute("notifications", items);
        return "partner/notifications";
    }

    /** The bell alone (its count), which an open page fetches again now and then. */
    @GetMapping("/notifications/bell")
    String bell() {
        return "partner/layout :: bell";
    }

    @PostMapping("/notifications/{id}/open")
    String open(Caller caller, @PathVariable String id) {
        NotificationDocument read = store.markRead(id, caller.id())
                .orElseThrow(() -> new NotFoundException("Notification " + id + " not found"));
        return "redirect:/deals/" + (read.dealId() != null ? read.dealId() : read.sharedDealId());
    }
}
