package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.ApplyOutcome;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.dealbridge.shareddeal.domain.SyncRuleViolation;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.inbox.InboxProperties;
import com.dealbridge.sync.inbox.InvalidEventException;
import com.dealbridge.sync.inbox.Received;
import com.dealbridge.sync.inbox.Replica;

/**
 * The shared deals as the inbox applies the other side's events to them: the deal document and the notes each
 * event touches, the domain's merge rules, one save per poll and deal. Refuses (dead letter) what the rules refuse,
 * and an event whose header names another partner than the deal's: only the side that holds the deal's partner may
 * change it. What needs no applying — the partner of a deal this side holds, the sync policy (also for every fact
 * of a snapshot), how far a snapshot moves this side's own sequence — is checked before the event is stored, so a
 * forged event never takes the place of the genuine one.
 */
public class SharedDealReplica implements Replica<SharedDealDocument> {

    private final ProjectionStore store;
    private final SharedDealSaver saver;
    private final AttachmentReceiver attachments;
    private final SyncClock clock;
    private final SyncPolicy policy;
    private final Origin side;
    private final long maxSequenceJump;

    public SharedDealReplica(ProjectionStore store, SharedDealSaver saver, AttachmentFiles files, SyncClock clock,
                             SyncPolicy policy, Origin side) {
        this(store, saver, files, clock, policy, side, InboxProperties.defaults().maxSequenceJump());
    }

    /**
     * @param maxSequenceJump how far a snapshot may move this side's own sequence ahead
     *                        ({@code dealbridge.sync.inbox.max-sequence-jump}): its {@code receivedUpTo} says which of
     *                        this side's events the sender applied, and no sender applied more than this side
     *                        could have published since its last write
     */
    public SharedDealReplica(ProjectionStore store, SharedDealSaver saver, AttachmentFiles files, SyncClock clock,
                             SyncPolicy policy, Origin side, long maxSequenceJump) {
        this.maxSequenceJump = maxSequenceJump;
        this.store = store;
        this.saver = saver;
        this.attachments = new AttachmentReceiver(files.blobs());
        this.clock = clock;
        this.policy = policy;
        this.side = side;
    }

    @Override
    public SharedDealDocument load(String aggregateId) {
        return store.loadForChange(aggregateId);
    }

    @Override
    public long mark(SharedDealDocument document, String origin) {
        return document.deal() == null ? 0 : document.deal().highWaterMark(Origin.valueOf(origin));
    }

    @Override
    public long parked(SharedDealDocument document) {
        return document.parked();
    }

    @Override
    public void setParked(SharedDealDocument document, long parked) {
        document.parked(parked);
    }

    @Override
    public void check(SharedDealDocument document, Received.Sequenced received) {
        SharedDealEvent event = (SharedDealEvent) received.event();
        long localSequence = 0;
        if (document.deal() != null) {
            requireDealsPartner(document, event);
            localSequence = document.deal().localSequence();
        }
        if (event instanceof SharedDealSnapshot snapshot && snapshot.receivedUpTo() > localSequence + maxSequenceJump) {
            throw new InvalidEventException(event.type() + " #" + event.header().sequence() + " from "
                    + event.header().origin() + " says it applied " + side + " events up to " + snapshot.receivedUpTo()
                    + ", more than " + maxSequenceJump + " after this side's last (" + localSequence + "): refused");
        }
        try {
            SharedDeal.checkIncoming(event, policy);
        } catch (SyncRuleViolation e) {
            throw policyRefusal(event, e);
        }
    }

    private static void requireDealsPartner(SharedDealDocument document, SharedDealEvent event) {
        if (!document.deal().partnerId().equals(event.header().partnerId())) {
            throw new InvalidEventException(event.type() + " " + event.header().eventId() + " names partner "
                    + event.header().partnerId() + ", not the deal's partner: refused");
        }
    }

    private static InvalidEventException policyRefusal(SharedDealEvent event, SyncRuleViolation violation) {
        // not retryable: the sender's policy differs from this side's; fix the configuration, then replay
        return new InvalidEventException(event.type() + " #" + event.header().sequence() + " from "
                + event.header().origin() + " refused by this side's sync policy: " + violation.getMessage());
    }

    @Override
    public void apply(SharedDealDocument document, Received.Sequenced received) {
        SharedDealEvent event = (SharedDealEvent) received.event();
        try {
            if (document.deal() == null) {
                document.created(first(document, event));
            } else {
                requireDealsPartner(document, event);
                if (event instanceof SharedDealSnapshot) {
                    store.loadAllNotes(document);
                } else if (event instanceof SharedNoteAdded added) {
                    store.assumeReceivedNoteNew(document, added.noteId());
                }
                ApplyOutcome outcome = document.deal().apply(event, clock, policy);
                if (outcome != ApplyOutcome.APPLIED) {
                    throw new IllegalStateException(event.type() + " #" + event.header().sequence() + " was "
                            + outcome + " though the inbox found it next in sequence");
                }
            }
            document.applied(event);
            attachments.applied(document, event);
        } catch (SyncRuleViolation e) {
            throw policyRefusal(event, e);
        } catch (ForeignIdException e) {
            throw new InvalidEventException(event.type() + " " + event.header().eventId() + " refused: "
                    + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    /** The deal this side does not hold yet: its registration (the origin's first event), or a snapshot. */
    private SharedDeal first(SharedDealDocument document, SharedDealEvent event) {
        if (event instanceof SharedDealSnapshot snapshot) {
            return SharedDeal.fromSnapshot(snapshot, side, clock, policy, document.notes());
        }
        if (event instanceof SharedDealRegistered registered && event.header().sequence() == 1) {
            return SharedDeal.receive(registered, side, clock, policy, document.notes());
        }
        throw new InvalidEventException(event.type() + " #" + event.header().sequence() + " for unknown shared deal "
                + event.header().sharedDealId() + ": the first event of a deal is its registration");
    }

    @Override
    public void receive(SharedDealDocument document, Received.Unsequenced message) {
        if (message.message() instanceof AttachmentChunk chunk) {
            attachments.receive(document, chunk);
        }
    }

    @Override
    public void save(SharedDealDocument document) {
        saver.save(document);
    }
}
