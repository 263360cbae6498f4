package com.dealbridge.contracts.pact;

/**
 * The names of the interactions in partner-service.sync's contract with crm-service over
 * {@code crm.shared-deal-events.v1}: the consumer's {@code expectsToReceive} and the provider's
 * {@code @PactVerifyProvider} must spell them alike, so both take them from here.
 */
public final class CrmSharedDealInteractions {

    public static final String REGISTERED = "a SharedDealRegistered of a deal a CRM user shared with the partner";
    public static final String ASSIGNED = "a SharedDealAssigned of a rep to a shared deal";
    public static final String DETAILS = "a DealDetailsChanged by a CRM user";
    public static final String STAGE = "a DealStageChanged by a CRM user";
    public static final String PRODUCTS = "a ProductInterestChanged by a CRM user";
    public static final String COMPENSATION = "a PartnerCompensationEligibilityChanged by a CRM user";
    public static final String QUOTE = "a QuoteChanged by a CRM user";
    public static final String NOTE_ADDED = "a SharedNoteAdded by a rep";
    public static final String NOTE_EDITED = "a SharedNoteEdited by a rep";
    public static final String NOTE_DELETED = "a SharedNoteDeleted by a rep";
    public static final String COMMENT_ADDED = "a NoteCommentAdded by a rep";
    public static final String COMMENT_DELETED = "a NoteCommentDeleted by a rep";
    public static final String ATTACHMENT_ADDED = "an AttachmentAdded by a rep";
    public static final String ATTACHMENT_CHUNK = "an AttachmentChunk of a rep's attachment";
    public static final String ATTACHMENT_DELETED = "an AttachmentDeleted by a rep";
    public static final String REGISTRATION_REJECTED = "a RegistrationChanged rejecting the registration";
    public static final String REGISTRATION_EXTENDED = "a RegistrationChanged extending the registration";
    public static final String REGISTRATION_EXPIRING = "a RegistrationExpiring reminder of the CRM";

    private CrmSharedDealInteractions() {
    }
}
