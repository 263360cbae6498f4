package com.dealbridge.crm.notification;

/**
 * An event the CRM's deal team hears about, reduced to what the message needs.
 *
 * @param kind        what happened
 * @param detail      the kind's detail, or null
 * @param recipientId the one rep to notify (an assignment's new rep), or null: the deal team
 */
record CrmTrigger(CrmNotificationKind kind, String detail, String recipientId) {

    static CrmTrigger toDealTeam(CrmNotificationKind kind, String detail) {
        return new CrmTrigger(kind, detail, null);
    }
}
