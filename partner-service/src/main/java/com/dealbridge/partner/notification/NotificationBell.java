package com.dealbridge.partner.notification;

import com.dealbridge.kit.security.CurrentCaller;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.notification.NotificationStore;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header's bell on every portal page: how many of the signed-in user's notifications are unread. */
@ControllerAdvice(annotations = PortalPage.class)
class NotificationBell {

    private final NotificationStore store;

    NotificationBell(NotificationStore store) {
        this.store = store;
    }

    /** Null when nobody is signed in (the page then shows no bell). */
    @ModelAttribute("unreadNotifications")
    Long unread() {
        return CurrentCaller.find().map(caller -> store.count(caller.id(), true)).orElse(null);
    }
}
