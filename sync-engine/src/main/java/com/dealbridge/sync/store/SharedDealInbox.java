package com.dealbridge.sync.store;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.sync.domain.ApplyOutcome;
import com.dealbridge.sync.domain.AttachmentAdded;
import com.dealbridge.sync.domain.AttachmentChunk;
import com.dealbridge.sync.domain.Origin;
import com.dealbridge.sync.domain.SharedDeal;
import com.dealbridge.sync.domain.SharedDealEvent;
import com.dealbridge.sync.domain.SharedDealRegistered;
import com.dealbridge.sync.domain.SharedDealSnapshot;
import com.dealbridge.sync.domain.SyncRuleViolation;
import com.dealbridge.sync.wire.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the other side's events: a duplicate (sequence at or below the origin's high-water mark) changes
 * nothing; a gap is parked in the document and reported, never skipped; an applied event raises the mark in the
 * same write. Applying never writes to the outbox; {@link AppliedEventListener}s hear of it after the save.
 */
public class SharedDealInbox {

    private static final Logger log = LoggerFactory.getLogger(SharedDealInbox.class);

    private final DocumentWriter writer;
    private final Supplier<List<AppliedEventListener>> listeners;
    private final AttachmentTransfers transfers;

    SharedDealInbox(DocumentWriter writer, Supplier<List<AppliedEventListener>> listeners) {
        this.writer = writer;
        this.listeners = listeners;
        this.transfers = new AttachmentTransfers(writer);
    }

    /** What one attempt did: the outcome, the saved document and every event applied (parked ones included). */
    private record Attempt(ApplyOutcome outcome, SharedDealDocument document, List<SharedDealEvent> applied) {
    }

    public ApplyOutcome receive(SharedDealEvent event) {
        if (event.header().origin() == writer.side()) {
            throw new InvalidEventException(event.type() + " " + event.header().eventId()
                    + " comes from this side (" + writer.side() + ") and must not be applied here");
        }
        if (event instanceof AttachmentChunk chunk) {
            return transfers.receive(chunk);
        }
        Attempt attempt = writer.retrying(event.header().sharedDealId(), () -> attempt(event));
        for (SharedDealEvent applied : attempt.applied()) {
            announcedAttachments(applied).forEach(added ->
                    transfers.settleIfComplete(added.header().sharedDealId(), added.attachmentId()));
        }
        for (SharedDealEvent applied : attempt.applied()) {
            for (AppliedEventListener listener : listeners.get()) {
                listener.applied(attempt.document(), applied);
            }
        }
        return attempt.outcome();
    }

    /** The attachments an applied event announces: its own, or those among a snapshot's facts. */
    private static List<AttachmentAdded> announcedAttachments(SharedDealEvent event) {
        if (event instanceof AttachmentAdded added) {
            return List.of(added);
        }
        if (event instanceof SharedDealSnapshot snapshot) {
            return snapshot.facts().stream().filter(AttachmentAdded.class::isInstance)
                    .map(AttachmentAdded.class::cast).toList();
        }
        return List.of();
    }

    private Attempt attempt(SharedDealEvent event) {
        SharedDealDocument document = writer.load(event.header().sharedDealId());
        if (document == null) {
            return new Attempt(ApplyOutcome.APPLIED, first(event), List.of(event));
        }
        List<SharedDealEvent> applied = new ArrayList<>();
        ApplyOutcome outcome = apply(document, event, applied);
        if (outcome == ApplyOutcome.DUPLICATE) {
            log.debug("skipped duplicate {} #{} of deal {}", event.type(), event.header().sequence(), document.id());
            return new Attempt(outcome, document, List.of());
        }
        if (outcome == ApplyOutcome.GAP) {
            document.park(parked(event));
            log.warn("parked {} #{} of deal {}: expected #{} from {} first", event.type(), event.header().sequence(),
                    document.id(), document.deal().highWaterMark(event.header().origin()) + 1,
                    event.header().origin());
        } else {
            applyParked(document, applied);
        }
        return new Attempt(outcome, writer.save(document), applied);
    }

    private SharedDealDocument first(SharedDealEvent event) {
        if (event instanceof SharedDealSnapshot snapshot) {
            try {
                return writer.save(new SharedDealDocument(
                        SharedDeal.fromSnapshot(snapshot, writer.side(), writer.clock(), writer.policy()), null));
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException(e.getMessage(), e);
            }
        }
        if (!(event instanceof SharedDealRegistered registered) || event.header().sequence() != 1) {
            throw new UnknownSharedDealException(event.header().sharedDealId(), event.type(),
                    event.header().sequence());
        }
        try {
            return writer.save(new SharedDealDocument(
                    SharedDeal.receive(registered, writer.side(), writer.clock(), writer.policy()), null));
        } catch (SyncRuleViolation e) {
            throw refused(event, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    private ApplyOutcome apply(SharedDealDocument document, SharedDealEvent event, List<SharedDealEvent> applied) {
        ApplyOutcome outcome;
        try {
            outcome = document.deal().apply(event, writer.clock(), writer.policy());
        } catch (SyncRuleViolation e) {
            throw refused(event, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        if (outcome == ApplyOutcome.APPLIED) {
            applied.add(event);
        }
        return outcome;
    }

    /**
     * Not retryable: the sender's policy differs from this side's; fix the configuration, then replay. Without a
     * cause, so the dead letter's reason is this whole sentence.
     */
    private InvalidEventException refused(SharedDealEvent event, SyncRuleViolation violation) {
        return new InvalidEventException(event.type() + " #" + event.header().sequence() + " from "
                + event.header().origin() + " refused by this side's sync policy: " + violation.getMessage());
    }

    /** Applies parked events that now follow the high-water mark, in sequence order. */
    private void applyParked(SharedDealDocument document, List<SharedDealEvent> applied) {
        Optional<ParkedEvent> next;
        while ((next = nextParked(document)).isPresent()) {
            ParkedEvent parked = next.get();
            document.unpark(parked);
            SharedDealEvent event = writer.codec().toDomain(AvroCodec.decode(parked.payload()));
            apply(document, event, applied);
            log.info("applied parked {} #{} of deal {}", parked.type(), parked.sequence(), document.id());
        }
        document.dropParkedAtOrBelowMarks();
    }

    private Optional<ParkedEvent> nextParked(SharedDealDocument document) {
        return document.parked().stream()
                .filter(p -> p.sequence() == document.deal().highWaterMark(Origin.valueOf(p.origin())) + 1)
                .findFirst();
    }

    private ParkedEvent parked(SharedDealEvent event) {
        return new ParkedEvent(event.header().origin().name(), event.header().sequence(), event.header().eventId(),
                event.type(), writer.codec().encode(event), writer.clock().now());
    }
}
