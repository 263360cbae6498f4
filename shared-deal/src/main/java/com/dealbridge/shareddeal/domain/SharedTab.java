package com.dealbridge.shareddeal.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Shared tab: one line per shared event, in (hlc, origin) order, so both sides list the same lines in the same
 * order whatever the order events arrived in. Derived from the events themselves (the store's change log), never
 * stored twice. A deleted note's or comment's texts leave the tab on both sides.
 */
public final class SharedTab {

    /** Characters of a note's or comment's text the Shared tab shows. */
    static final int EXCERPT = 280;

    private SharedTab() {
    }

    /** The line an event adds to the tab, texts included; empty for events that are not activity (snapshots). */
    public static Optional<ActivityEntry> entryOf(SharedDealEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        String type = describe(event, details);
        if (type == null) {
            return Optional.empty();
        }
        EventHeader header = event.header();
        return Optional.of(new ActivityEntry(type, header.occurredAt(), header.actor(), header.origin(),
                header.eventId(), details, header.hlc()));
    }

    /**
     * The line as shown now: the text of a note or comment that is deleted (or whose note is) is gone.
     *
     * @param liveNote    whether a note is live (not deleted) on this side
     * @param liveComment whether a comment is live on this side
     */
    public static ActivityEntry shown(ActivityEntry entry, Predicate<String> liveNote, Predicate<String> liveComment) {
        if (!entry.details().containsKey("body")) {
            return entry;
        }
        Object noteId = entry.details().get("noteId");
        Object commentId = entry.details().get("commentId");
        boolean visible = noteId != null && liveNote.test(noteId.toString())
                && (commentId == null || liveComment.test(commentId.toString()));
        return visible ? entry : entry.withoutDetail("body");
    }

    private static String describe(SharedDealEvent event, Map<String, Object> details) {
        if (event instanceof SharedDealRegistered e) {
            details.put("registeredBy", e.registeredBy().name());
            details.put("dealName", e.dealName());
            return "REGISTERED";
        }
        if (event instanceof SharedDealAssigned e) {
            details.put("repId", e.rep().id());
            details.put("repName", e.rep().name());
            return "ASSIGNED";
        }
        if (event instanceof DealDetailsChanged e) {
            putIfSet(details, "dealName", e.dealName());
            putIfSet(details, "amount", e.amount() == null ? null : e.amount().toPlainString());
            putIfSet(details, "currency", e.currency());
            putIfSet(details, "closeDate", e.closeDate() == null ? null : e.closeDate().toString());
            return "DETAILS_CHANGED";
        }
        if (event instanceof DealStageChanged e) {
            details.put("stage", e.stage().name());
            return "STAGE_CHANGED";
        }
        if (event instanceof ProductInterestChanged e) {
            details.put("productIds", e.productIds());
            return "PRODUCT_INTEREST_CHANGED";
        }
        if (event instanceof PartnerCompensationEligibilityChanged e) {
            details.put("eligible", e.eligible());
            return "COMPENSATION_ELIGIBILITY_CHANGED";
        }
        if (event instanceof QuoteChanged e) {
            details.put("quoteId", e.quote().id());
            details.put("title", e.quote().title());
            details.put("amount", e.quote().amount().toPlainString());
            details.put("currency", e.quote().currency());
            details.put("status", e.quote().status().name());
            return e.quote().status() == QuoteStatus.PURCHASED ? "QUOTE_PURCHASED" : "QUOTE_PUBLISHED";
        }
        if (event instanceof SharedDealWithdrawn e) {
            putIfSet(details, "reason", e.reason());
            return "WITHDRAWN";
        }
        if (event instanceof RegistrationChanged e) {
            details.put("registrationState", e.transition().to().name());
            putIfSet(details, "reasonCode", e.reasonCode());
            putIfSet(details, "reason", e.reason());
            putIfSet(details, "expiresAt", e.expiresAt() == null ? null : e.expiresAt().toString());
            return "REGISTRATION_" + switch (e.transition()) {
                case APPROVE -> "APPROVED";
                case RELEASE -> "RELEASED";
                case REJECT -> "REJECTED";
                case SET_EXPIRY -> "EXPIRY_SET";
                case EXTEND -> "EXTENDED";
                case EXPIRE -> "EXPIRED";
                case REVOKE -> "REVOKED";
            };
        }
        if (event instanceof RegistrationExpiring e) {
            details.put("expiresAt", e.expiresAt().toString());
            return "REGISTRATION_EXPIRING";
        }
        return describeCollaboration(event, details);
    }

    private static String describeCollaboration(SharedDealEvent event, Map<String, Object> details) {
        if (event instanceof SharedNoteAdded e) {
            details.put("noteId", e.noteId());
            details.put("body", excerpt(e.body()));
            return "NOTE_ADDED";
        }
        if (event instanceof SharedNoteEdited e) {
            details.put("noteId", e.noteId());
            details.put("body", excerpt(e.body()));
            return "NOTE_EDITED";
        }
        if (event instanceof SharedNoteDeleted e) {
            details.put("noteId", e.noteId());
            return "NOTE_DELETED";
        }
        if (event instanceof NoteCommentAdded e) {
            details.put("noteId", e.noteId());
            details.put("commentId", e.commentId());
            details.put("body", excerpt(e.body()));
            return "COMMENT_ADDED";
        }
        if (event instanceof NoteCommentDeleted e) {
            details.put("noteId", e.noteId());
            details.put("commentId", e.commentId());
            return "COMMENT_DELETED";
        }
        if (event instanceof AttachmentAdded e) {
            details.put("noteId", e.noteId());
            details.put("attachmentId", e.attachmentId());
            details.put("fileName", e.fileName());
            details.put("contentType", e.contentType());
            details.put("size", e.size());
            return "ATTACHMENT_ADDED";
        }
        if (event instanceof AttachmentDeleted e) {
            details.put("noteId", e.noteId());
            details.put("attachmentId", e.attachmentId());
            return "ATTACHMENT_DELETED";
        }
        return null;
    }

    /**
     * The Shared tab quotes the start of a text only: the whole text lives in the note, and the tab of a busy deal
     * must not carry every version of every text.
     */
    static String excerpt(String text) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(EXCERPT - 2)) ? EXCERPT - 2 : EXCERPT - 1;
        return text.substring(0, end) + "\u2026";
    }

    private static void putIfSet(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
