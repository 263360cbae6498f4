package com.dealbridge.partner.notification;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * The words of one notification: the subject (also the in-app title), the in-app text and the e-mail body. The
 * e-mail says what happened, on which deal, by whom, and links to the deal in the partner portal.
 */
record NotificationMessage(String subject, String text, String mailBody, String link) {

    /** Quotes of notes and comments are cut here, so a long note does not become a long mail. */
    static final int QUOTE_LIMIT = 500;

    /**
     * @param dealId the partner's own deal id when the shared deal is linked to one, else the shared deal id
     */
    static NotificationMessage compose(Trigger trigger, DealRef deal, String actor, String recipientName,
                                       String partnerName, String portalBaseUrl) {
        String link = portalBaseUrl + "/deals/" + UriUtils.encodePathSegment(deal.linkId(), StandardCharsets.UTF_8);
        String subject = oneLine(trigger.kind().subject(deal.name(), actor, trigger.detail()));
        String sentence = trigger.kind().sentence(deal.name(), actor, trigger.detail());
        String quote = quote(trigger);
        String text = quote == null ? sentence : sentence + "\n" + quote;
        StringBuilder body = new StringBuilder()
                .append("Hello ").append(recipientName == null ? "" : recipientName).append(",\n\n")
                .append(sentence).append("\n\n");
        if (quote != null) {
            body.append(quote).append("\n\n");
        }
        body.append("Deal: ").append(deal.name()).append('\n')
                .append("By: ").append(actor).append('\n')
                .append("Open the deal in the partner portal: ").append(link).append("\n\n")
                .append("-- \nYou receive this e-mail as the notification recipient of ").append(partnerName)
                .append(". Turn these e-mails off under Settings > Partners > Communication.\n");
        return new NotificationMessage(subject, text, body.toString(), link);
    }

    /** The deal as the message names and links it. */
    record DealRef(String name, String linkId) {
    }

    private static String quote(Trigger trigger) {
        String detail = trigger.detail();
        if (detail == null || detail.isBlank() || trigger.kind() == NotificationKind.REP_ASSIGNED) {
            return null;
        }
        String trimmed = detail.strip();
        if (trimmed.length() > QUOTE_LIMIT) {
            trimmed = trimmed.substring(0, QUOTE_LIMIT) + "...";
        }
        return "\"" + trimmed + "\"";
    }

    /** Header injection and folded subjects are not possible when the subject has no line breaks. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
