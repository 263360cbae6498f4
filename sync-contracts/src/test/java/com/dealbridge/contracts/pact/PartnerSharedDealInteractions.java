package com.dealbridge.contracts.pact;

/**
 * The names of the interactions in crm-service.sync's contract with partner-service over
 * {@code partner.shared-deal-events.v1}: the consumer's {@code expectsToReceive} and the provider's
 * {@code @PactVerifyProvider} must spell them alike, so both take them from here.
 */
public final class PartnerSharedDealInteractions {

    public static final String REGISTERED = "a SharedDealRegistered of a lead a partner user registered";
    public static final String NOTE_ADDED = "a SharedNoteAdded by a partner user";
    public static final String DETAILS = "a DealDetailsChanged by a partner user";
    public static final String STAGE = "a DealStageChanged by a partner user";
    public static final String PRODUCTS = "a ProductInterestChanged by a partner user";
    public static final String NOTE_EDITED = "a SharedNoteEdited by a partner user";
    public static final String NOTE_DELETED = "a SharedNoteDeleted by a partner user";
    public static final String COMMENT_ADDED = "a NoteCommentAdded by a partner user";
    public static final String COMMENT_DELETED = "a NoteCommentDeleted by a partner user";
    public static final String ATTACHMENT_ADDED = "an AttachmentAdded by a partner user";
    public static final String ATTACHMENT_CHUNK = "an AttachmentChunk of a partner user's attachment";
    public static final String ATTACHMENT_DELETED = "an AttachmentDeleted by a partner user";
    public static final String WITHDRAWN = "a SharedDealWithdrawn by a partner user";
    public static final String SNAPSHOT = "a SharedDealSnapshot the partner republished for a resync";

    private PartnerSharedDealInteractions() {
    }
}
