package com.dealbridge.shareddeal.domain;

/** A fact about a shared deal that one side decided and the other side applies. */
public sealed interface SharedDealEvent permits AttachmentAdded, AttachmentChunk, AttachmentDeleted,
        DealDetailsChanged, DealStageChanged, NoteCommentAdded, NoteCommentDeleted,
        PartnerCompensationEligibilityChanged, ProductInterestChanged, QuoteChanged, RegistrationChanged,
        RegistrationExpiring, SharedDealAssigned,
        SharedDealRegistered, SharedDealSnapshot, SharedDealWithdrawn, SharedNoteAdded, SharedNoteDeleted,
        SharedNoteEdited {

    EventHeader header();

    /** The same fact under another header (a local event appended again after losing a race for its place). */
    SharedDealEvent withHeader(EventHeader header);

    /** The event type's name, as on the wire. */
    default String type() {
        return getClass().getSimpleName();
    }
}
