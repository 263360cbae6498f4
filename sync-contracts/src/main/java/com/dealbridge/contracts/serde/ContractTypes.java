package com.dealbridge.contracts.serde;

import com.dealbridge.contracts.avro.AttachmentAdded;
import com.dealbridge.contracts.avro.AttachmentChunk;
import com.dealbridge.contracts.avro.AttachmentDeleted;
import com.dealbridge.contracts.avro.DealDetailsChanged;
import com.dealbridge.contracts.avro.DealStageChanged;
import com.dealbridge.contracts.avro.NoteCommentAdded;
import com.dealbridge.contracts.avro.NoteCommentDeleted;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PartnerCompensationEligibilityChanged;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.avro.ProductInterestChanged;
import com.dealbridge.contracts.avro.QuoteChanged;
import com.dealbridge.contracts.avro.RegistrationChanged;
import com.dealbridge.contracts.avro.RegistrationExpiring;
import com.dealbridge.contracts.avro.SharedDealAssigned;
import com.dealbridge.contracts.avro.SharedDealRegistered;
import com.dealbridge.contracts.avro.SharedDealSnapshot;
import com.dealbridge.contracts.avro.SharedDealWithdrawn;
import com.dealbridge.contracts.avro.SharedNoteAdded;
import com.dealbridge.contracts.avro.SharedNoteDeleted;
import com.dealbridge.contracts.avro.SharedNoteEdited;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every top-level message class that may travel on a topic. Nested types (EventMetadata, PersonRef, ...) are not
 * listed: they only exist inside a message. A new event type must be added here, released (see SchemaReleaser in
 * the test sources) and given a golden sample; the build tests fail until all three are done.
 */
public final class ContractTypes {

    /** All message classes, in no meaningful order. Same list as {@link #all()}. */
    public static final List<Class<? extends SpecificRecord>> ALL = List.of(
            SharedDealRegistered.class,
            SharedDealAssigned.class,
            PartnerAccountChanged.class,
            ProductChanged.class,
            // deal lifecycle
            DealDetailsChanged.class,
            DealStageChanged.class,
            ProductInterestChanged.class,
            PartnerCompensationEligibilityChanged.class,
            QuoteChanged.class,
            SharedDealWithdrawn.class,
            // registration states
            RegistrationChanged.class,
            RegistrationExpiring.class,
            // collaboration
            SharedNoteAdded.class,
            SharedNoteEdited.class,
            SharedNoteDeleted.class,
            NoteCommentAdded.class,
            NoteCommentDeleted.class,
            AttachmentAdded.class,
            AttachmentChunk.class,
            AttachmentDeleted.class,
            // repair
            SharedDealSnapshot.class);

    private static final Map<String, Class<? extends SpecificRecord>> BY_FULL_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(type -> schemaOf(type).getFullName(), Function.identity()));

    private ContractTypes() {
    }

    /** All message classes (immutable). */
    public static List<Class<? extends SpecificRecord>> all() {
        return ALL;
    }

    /**
     * The message class whose schema has this full name.
     *
     * @param fullName e.g. {@code com.dealbridge.contracts.avro.SharedDealAssigned}
     */
    public static Optional<Class<? extends SpecificRecord>> forFullName(String fullName) {
        return Optional.ofNullable(BY_FULL_NAME.get(fullName));
    }

    /** The current (compiled-in) schema of a message class. */
    public static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }
}
