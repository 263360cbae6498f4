package com.dealbridge.crm.notification;

/**
 * What the partner did (or the CRM assigned) that the deal's sales rep hears about. The subject names what
 * happened and the deal; {@code detail} is the quoted text (a note, a comment), a file name, product names or a
 * reason.
 */
enum CrmNotificationKind {

    PARTNER_NOTE_ADDED("New shared note from %2$s on \"%1$s\"", "%2$s added a shared note to the deal \"%1$s\".", true),
    PARTNER_COMMENT_ADDED("New comment from %2$s on \"%1$s\"",
            "%2$s commented on a shared note of the deal \"%1$s\".", true),
    PARTNER_ATTACHMENT_ADDED("New attachment \"%3$s\" from %2$s on \"%1$s\"",
            "%2$s attached \"%3$s\" to a shared note of the deal \"%1$s\".", false),
    PRODUCT_INTEREST_CHANGED("%2$s changed the product interest of \"%1$s\"",
            "%2$s changed the product interest of the deal \"%1$s\" to: %3$s.", false),
    REGISTRATION_WITHDRAWN("%2$s withdrew the registration of \"%1$s\"",
            "%2$s withdrew the partner's registration of the deal \"%1$s\".", true),
    /** This side's assignment: {@code detail} is unused, the recipient is the newly assigned rep. */
    DEAL_ASSIGNED_TO_YOU("Shared deal \"%1$s\" assigned to you", "%2$s assigned the shared deal \"%1$s\" to you.",
            false);

    private final String subject;
    private final String sentence;
    private final boolean quotesDetail;

    CrmNotificationKind(String subject, String sentence, boolean quotesDetail) {
        this.subject = subject;
        this.sentence = sentence;
        this.quotesDetail = quotesDetail;
    }

    String subject(String deal, String actor, String detail) {
        return subject.formatted(deal, actor, detail);
    }

    String sentence(String deal, String actor, String detail) {
        return sentence.formatted(deal, actor, detail);
    }

    /** Whether the mail quotes the detail below the sentence (a note's or comment's text, a reason). */
    boolean quotesDetail() {
        return quotesDetail;
    }
}
