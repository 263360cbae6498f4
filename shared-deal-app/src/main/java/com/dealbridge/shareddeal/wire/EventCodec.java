package com.dealbridge.shareddeal.wire;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecord;

/**
 * The only place where shared-deal events cross between the domain and the Avro contracts: generated classes
 * stop here, in both directions.
 */
public final class EventCodec {

    /** Decodes the wire's bytes (any released schema version) into the domain event. */
    public SharedDealEvent decode(byte[] bytes) {
        return toDomain(AvroCodec.decode(bytes));
    }

    /** Encodes a domain event into the wire's single-object bytes. */
    public byte[] encode(SharedDealEvent event) {
        return AvroCodec.encode(toAvro(event));
    }

    public SpecificRecord toAvro(SharedDealEvent event) {
        if (event instanceof SharedDealRegistered e) {
            return com.dealbridge.contracts.avro.SharedDealRegistered.newBuilder()
                    .setMetadata(metadata(e.header()))
                    .setRegisteredBy(origin(e.registeredBy()))
                    .setDealName(e.dealName())
                    .setAmount(e.amount() == null ? null : e.amount().toPlainString())
                    .setCurrency(e.currency())
                    .setCloseDate(e.closeDate() == null ? null : e.closeDate().toString())
                    .setStage(e.stage().name())
                    .setIntroNote(e.introNote())
                    .setPainOrOpportunity(e.painOrOpportunity())
                    .setNextSteps(e.nextSteps())
                    .setWelcomeNote(e.welcomeNote())
                    .setProductIds(e.productIds())
                    .setPartnerOwner(person(e.partnerOwner()))
                    .setAssignedRep(person(e.assignedRep()))
                    .setSourceType(e.sourceType())
                    .setRegisteredDomain(e.registeredDomain() == null ? null : e.registeredDomain().value())
                    .setRegistrationState(e.registrationState().name())
                    .setUnavailableReason(e.unavailableReason())
                    .build();
        }
        if (event instanceof SharedDealAssigned e) {
            return com.dealbridge.contracts.avro.SharedDealAssigned.newBuilder()
                    .setMetadata(metadata(e.header()))
                    .setRep(person(e.rep()))
                    .build();
        }
        SpecificRecord lifecycle = LifecycleCodec.toAvro(event);
        if (lifecycle != null) {
            return lifecycle;
        }
        SpecificRecord collaboration = CollaborationCodec.toAvro(event);
        if (collaboration != null) {
            return collaboration;
        }
        if (event instanceof com.dealbridge.shareddeal.domain.SharedDealSnapshot snapshot) {
            return SnapshotCodec.toAvro(snapshot, this);
        }
        throw new IllegalArgumentException("no wire mapping for " + event.type());
    }

    /** Maps a decoded Avro record to the domain event; a record that is not a shared-deal event is invalid. */
    public SharedDealEvent toDomain(SpecificRecord record) {
        try {
            if (record instanceof com.dealbridge.contracts.avro.SharedDealRegistered e) {
                return new SharedDealRegistered(header(e.getMetadata()), origin(e.getRegisteredBy()),
                        required(e.getDealName(), "dealName"), amount(e.getAmount()), e.getCurrency(),
                        date(e.getCloseDate()), Stage.valueOf(required(e.getStage(), "stage")), e.getIntroNote(),
                        e.getPainOrOpportunity(), e.getNextSteps(), e.getWelcomeNote(), e.getProductIds(),
                        person(e.getPartnerOwner()), person(e.getAssignedRep()), e.getSourceType(),
                        registeredDomain(e.getRegisteredDomain()), registrationState(e),
                        e.getUnavailableReason());
            }
            if (record instanceof com.dealbridge.contracts.avro.SharedDealAssigned e) {
                return new SharedDealAssigned(header(e.getMetadata()), required(person(e.getRep()), "rep"));
            }
            SharedDealEvent lifecycle = LifecycleCodec.toDomain(record);
            if (lifecycle != null) {
                return lifecycle;
            }
            SharedDealEvent collaboration = CollaborationCodec.toDomain(record);
            if (collaboration != null) {
                return collaboration;
            }
            if (record instanceof com.dealbridge.contracts.avro.SharedDealSnapshot snapshot) {
                return SnapshotCodec.toDomain(snapshot, this);
            }
        } catch (RuntimeException e) {
            if (e instanceof InvalidEventException) {
                throw e;
            }
            throw new InvalidEventException("invalid " + record.getSchema().getName() + ": " + e.getMessage(), e);
        }
        throw new InvalidEventException("not a shared-deal event: " + record.getSchema().getFullName());
    }

    static com.dealbridge.contracts.avro.EventMetadata metadata(EventHeader h) {
        return com.dealbridge.contracts.avro.EventMetadata.newBuilder()
                .setEventId(h.eventId())
                .setSharedDealId(h.sharedDealId())
                .setPartnerId(h.partnerId())
                .setOrigin(origin(h.origin()))
                .setSequence(h.sequence())
                .setHlc(com.dealbridge.contracts.avro.Hlc.newBuilder()
                        .setWallMillis(h.hlc().wallMillis()).setCounter(h.hlc().counter()).build())
                .setOccurredAt(h.occurredAt())
                .setActor(com.dealbridge.contracts.avro.Actor.newBuilder()
                        .setType(com.dealbridge.contracts.avro.ActorType.valueOf(h.actor().type().name()))
                        .setId(h.actor().id())
                        .setDisplayName(h.actor().displayName())
                        .build())
                .build();
    }

    /** The state a registration was created in; an UNAVAILABLE one, and only one, says why. */
    private static RegistrationState registrationState(com.dealbridge.contracts.avro.SharedDealRegistered e) {
        RegistrationState state = RegistrationState.atCreation(e.getRegistrationState());
        if ((state == RegistrationState.UNAVAILABLE) != (e.getUnavailableReason() != null)) {
            throw new InvalidEventException("registrationState " + state + " with unavailableReason "
                    + (e.getUnavailableReason() == null ? "missing" : "given"));
        }
        return state;
    }

    /** A received domain must be one a sender normalised: anything else is a forged or broken event. */
    private static RegisteredDomain registeredDomain(String value) {
        if (value == null) {
            return null;
        }
        RegisteredDomain domain = RegisteredDomain.of(value);
        if (!domain.value().equals(value)) {
            throw new InvalidEventException("registeredDomain '" + value + "' is not a registrable domain in normal"
                    + " form (" + domain.value() + ")");
        }
        return domain;
    }

    static EventHeader header(com.dealbridge.contracts.avro.EventMetadata m) {
        required(m, "metadata");
        if (m.getSequence() < 1) {
            throw new InvalidEventException("sequence must start at 1, was " + m.getSequence());
        }
        com.dealbridge.contracts.avro.Actor actor = required(m.getActor(), "metadata.actor");
        return new EventHeader(required(m.getEventId(), "metadata.eventId"),
                required(m.getSharedDealId(), "metadata.sharedDealId"),
                required(m.getPartnerId(), "metadata.partnerId"), origin(m.getOrigin()), m.getSequence(),
                new Hlc(m.getHlc().getWallMillis(), m.getHlc().getCounter()),
                required(m.getOccurredAt(), "metadata.occurredAt"),
                new Actor(ActorType.valueOf(actor.getType().name()), actor.getId(), actor.getDisplayName()));
    }

    private static com.dealbridge.contracts.avro.Origin origin(Origin origin) {
        return com.dealbridge.contracts.avro.Origin.valueOf(origin.name());
    }

    private static Origin origin(com.dealbridge.contracts.avro.Origin origin) {
        return Origin.valueOf(required(origin, "origin").name());
    }

    private static com.dealbridge.contracts.avro.PersonRef person(PersonRef person) {
        return person == null ? null : com.dealbridge.contracts.avro.PersonRef.newBuilder()
                .setId(person.id()).setName(person.name()).setEmail(person.email()).build();
    }

    private static PersonRef person(com.dealbridge.contracts.avro.PersonRef person) {
        return person == null ? null : new PersonRef(person.getId(), person.getName(), person.getEmail());
    }

    /** An amount as it travels (a decimal string); one longer than any amount within the limits is not read. */
    static BigDecimal amount(String amount) {
        if (amount == null) {
            return null;
        }
        if (amount.length() > Limits.AMOUNT_CHARS) {
            throw new InvalidEventException("an amount written with " + amount.length() + " characters, more than"
                    + " the " + Limits.AMOUNT_CHARS + " of any amount within the limits: not read");
        }
        return new BigDecimal(amount);
    }

    static LocalDate date(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidEventException("missing " + field);
        }
        return value;
    }
}
