package com.dealbridge.crm.notification;

import com.dealbridge.shareddeal.notification.NotificationEndpoints;
import com.dealbridge.shareddeal.notification.NotificationStore;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sales rep's in-app notifications (the same endpoints as the partner portal's). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController extends NotificationEndpoints {

    NotificationController(NotificationStore store) {
        super(store);
    }
}
