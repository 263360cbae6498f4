package com.dealbridge.shareddeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated schedules of concurrent work on both replicas of one deal (DESIGN.md §5): each side runs its own
 * commands on its replica — detail, stage and product edits both sides may make, notes, comments and attachments
 * added, edited and deleted, the CRM's assignment, compensation eligibility and quotes, the partner's withdrawal —
 * while the events travel between them late, out of order, twice and again long after, now and then with a resync
 * snapshot in between. Each side receives through an inbox that behaves like the real one ({@link SyncSimulation}).
 * Once everything is delivered both replicas hold the same shared state, and at no point of any schedule does a
 * deleted note, comment or attachment come back.
 */
class ConvergenceProperties {

    // ---- the properties (10,000 schedules in all) --------------------------------------------------------------

    @Property(tries = 5_000, edgeCases = EdgeCasesMode.NONE)
    void replicasConvergeUnderDuplicatesReorderingAndReplays(@ForAll("schedules") Schedule schedule) {
        SyncSimulation simulation = play(schedule);

        assertConverged(simulation);
        SyncSimulation.Counts counts = simulation.counts;
        Statistics.label("events parked behind a gap").collect(counts.parked > 0);
        Statistics.label("duplicates dropped").collect(counts.duplicatesDropped > 0);
        Statistics.label("commands refused").collect(counts.refusedCommands > 0);
        Statistics.label("withdrawn").collect(counts.withdrawn);
        Statistics.label("events parked behind a gap").coverage(check -> check.check(true)
                .percentage(p -> p >= 40));
        Statistics.label("duplicates dropped").coverage(check -> check.check(true).percentage(p -> p >= 60));
    }

    @Property(tries = 3_000, edgeCases = EdgeCasesMode.NONE)
    void aDeletedNoteCommentOrAttachmentNeverComesBack(@ForAll("deletionHeavySchedules") Schedule schedule) {
        // every step of play() checks that nothing deleted is live again, on the side that deleted it and on the
        // other once it applied the delete
        SyncSimulation simulation = play(schedule);

        assertConverged(simulation);
        SyncSimulation.Counts counts = simulation.counts;
        Statistics.label("deletions").collect(counts.deletions > 0);
        Statistics.label("late edit, comment or attachment on a deleted note")
                .collect(counts.lateWritesOnTombstones > 0);
        Statistics.label("deletions").coverage(check -> check.check(true).percentage(p -> p >= 60));
        Statistics.label("late edit, comment or attachment on a deleted note").coverage(check -> check.check(true)
                .percentage(p -> p >= 5));
    }

    @Property(tries = 2_000, edgeCases = EdgeCasesMode.NONE)
    void replicasConvergeAfterAResyncSnapshotAtAnyPoint(@ForAll("resyncSchedules") Schedule schedule) {
        SyncSimulation simulation = play(schedule);

        assertConverged(simulation);
        SyncSimulation.Counts counts = simulation.counts;
        Statistics.label("snapshots applied").collect(counts.snapshotsApplied > 0);
        Statistics.label("a side built its replica from a snapshot").collect(counts.builtFromSnapshot);
        Statistics.label("parked events applied after the gap filled").collect(counts.appliedFromPark > 0);
        Statistics.label("snapshots applied").coverage(check -> check.check(true).percentage(p -> p >= 60));
    }

    private static SyncSimulation play(Schedule schedule) {
        SyncSimulation simulation = new SyncSimulation(schedule.registeredBy(), schedule.crmClockDrift(),
                schedule.registrarAhead());
        schedule.steps().forEach(simulation::run);
        simulation.deliverEverything(schedule.deliverySeed());
        return simulation;
    }

    private static void assertConverged(SyncSimulation simulation) {
        SharedDeal partner = simulation.deal(Origin.PARTNER);
        SharedDeal crm = simulation.deal(Origin.CRM);
        assertThat(partner).as("the partner holds the deal").isNotNull();
        assertThat(crm).as("the CRM holds the deal").isNotNull();
        assertThat(simulation.side(Origin.PARTNER).inbox.empty()).as("nothing parked on the partner side").isTrue();
        assertThat(simulation.side(Origin.CRM).inbox.empty()).as("nothing parked on the CRM side").isTrue();
        assertThat(crm.highWaterMark(Origin.PARTNER)).as("the CRM applied all of the partner's events")
                .isEqualTo(partner.localSequence());
        assertThat(partner.highWaterMark(Origin.CRM)).as("the partner applied all of the CRM's events")
                .isEqualTo(crm.localSequence());
        // a resync moves the receiver's last-changed time to the snapshot's: only compared without one
        boolean withUpdatedAt = !simulation.snapshotPublished();
        SharedState onPartner = SharedState.of(partner, withUpdatedAt);
        SharedState onCrm = SharedState.of(crm, withUpdatedAt);
        if (!onCrm.equals(onPartner)) {
            assertThat(onCrm).as("the CRM's shared state").usingRecursiveComparison().isEqualTo(onPartner);
            assertThat(onCrm).as("the CRM's shared state").isEqualTo(onPartner);
        }
    }

    // ---- schedules ---------------------------------------------------------------------------------------------

    /**
     * @param crmClockDrift  how far the CRM's wall clock is ahead of the partner's (behind when negative)
     * @param registrarAhead how far the registering side's HLC runs ahead of its wall clock when it registers
     * @param deliverySeed   the order in which what is still on the way arrives at the end
     */
    record Schedule(Origin registeredBy, int crmClockDrift, int registrarAhead, List<Step> steps,
                    long deliverySeed) {
    }

    sealed interface Step permits Act, Deliver, Replay, Resync, Tick, Observe {
    }

    /** A user on {@code side} runs a command; {@code pick} chooses its target, {@code value} its new value. */
    record Act(Origin side, Action action, int pick, int value) implements Step {
    }

    /**
     * One of the events on their way to {@code to} arrives, chosen by {@code pick} (so in any order); {@code again}:
     * it stays on the way and arrives a second time later.
     */
    record Deliver(Origin to, int pick, boolean again) implements Step {
    }

    /** An event the other side published earlier arrives at {@code to} once more. */
    record Replay(Origin to, int pick) implements Step {
    }

    /** {@code by} republishes its whole shared state of the deal. */
    record Resync(Origin by) implements Step {
    }

    /** Time passes on one side's wall clock ({@code 0}: the next changes tie on the millisecond). */
    record Tick(Origin side, int millis) implements Step {
    }

    /**
     * One side's HLC observes a reading {@code aheadMillis} ahead of its wall clock, from another deal's event (a
     * service has one clock for all its deals): its next stamps run ahead of its wall clock.
     */
    record Observe(Origin side, int aheadMillis, int counter) implements Step {
    }

    enum Action {
        RENAME(null), CHANGE_AMOUNT(null), MOVE_CLOSE_DATE(null), CHANGE_DETAILS(null), CHANGE_STAGE(null),
        CHANGE_PRODUCTS(null), ADD_NOTE(null), EDIT_NOTE(null), DELETE_NOTE(null), ADD_COMMENT(null),
        DELETE_COMMENT(null), ADD_ATTACHMENT(null), DELETE_ATTACHMENT(null),
        ASSIGN_REP(Origin.CRM), CHANGE_COMPENSATION(Origin.CRM), PUBLISH_QUOTE(Origin.CRM),
        PURCHASE_QUOTE(Origin.CRM), WITHDRAW(Origin.PARTNER);

        /** The only side whose policy lets it run the command (CRM_TO_PARTNER fields, withdrawal), or null. */
        final Origin onlyOn;

        Action(Origin onlyOn) {
            this.onlyOn = onlyOn;
        }
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        return schedules(actions(3, 3, 1), 1);
    }

    @Provide
    Arbitrary<Schedule> deletionHeavySchedules() {
        return schedules(actions(1, 6, 0), 1);
    }

    @Provide
    Arbitrary<Schedule> resyncSchedules() {
        return schedules(actions(3, 3, 1), 4);
    }

    private static Arbitrary<Schedule> schedules(Arbitrary<Action> actions, int resyncWeight) {
        Arbitrary<Origin> registeredBy = Arbitraries.frequency(Tuple.of(3, Origin.PARTNER), Tuple.of(1, Origin.CRM));
        Arbitrary<Integer> drift = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(-3_000, 3_000)));
        Arbitrary<Origin> sides = Arbitraries.of(Origin.class);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 999);
        Arbitrary<Step> act = Combinators.combine(actions, sides, picks, picks)
                .as((action, side, pick, value) -> new Act(action.onlyOn != null ? action.onlyOn : side, action,
                        pick, value));
        Arbitrary<Step> deliver = Combinators.combine(sides, picks,
                        Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
                .as(Deliver::new);
        Arbitrary<Step> replay = Combinators.combine(sides, picks).as(Replay::new);
        Arbitrary<Step> resync = sides.map(Resync::new);
        Arbitrary<Step> tick = Combinators.combine(sides, Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(1, 2_000)))).as(Tick::new);
        Arbitrary<Step> observe = Combinators.combine(sides, Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 5)).as(Observe::new);
        Arbitrary<List<Step>> steps = Arbitraries.frequencyOf(Tuple.of(10, act), Tuple.of(9, deliver),
                Tuple.of(2, replay), Tuple.of(resyncWeight, resync), Tuple.of(4, tick), Tuple.of(1, observe)).list().ofMaxSize(120)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<Integer> ahead = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 1_000)));
        return Combinators.combine(registeredBy, drift, ahead, steps, Arbitraries.longs()).as(Schedule::new);
    }

    /**
     * @param fields weight of the field edits both sides make
     * @param notes  weight of the note, comment and attachment commands
     * @param crm    weight of the CRM-only commands (and, rarer, the partner's withdrawal)
     */
    private static Arbitrary<Action> actions(int fields, int notes, int crm) {
        return Arbitraries.frequency(
                Tuple.of(fields * 2, Action.RENAME), Tuple.of(fields * 2, Action.CHANGE_AMOUNT),
                Tuple.of(fields * 2, Action.MOVE_CLOSE_DATE), Tuple.of(fields, Action.CHANGE_DETAILS),
                Tuple.of(fields * 2, Action.CHANGE_STAGE), Tuple.of(fields * 2, Action.CHANGE_PRODUCTS),
                Tuple.of(notes * 3, Action.ADD_NOTE), Tuple.of(notes * 2, Action.EDIT_NOTE),
                Tuple.of(notes * 2, Action.DELETE_NOTE), Tuple.of(notes * 3, Action.ADD_COMMENT),
                Tuple.of(notes * 2, Action.DELETE_COMMENT), Tuple.of(notes * 2, Action.ADD_ATTACHMENT),
                Tuple.of(notes * 2, Action.DELETE_ATTACHMENT),
                Tuple.of(crm * 2, Action.ASSIGN_REP), Tuple.of(crm * 2, Action.CHANGE_COMPENSATION),
                Tuple.of(crm * 2, Action.PUBLISH_QUOTE), Tuple.of(crm, Action.PURCHASE_QUOTE),
                Tuple.of(crm, Action.WITHDRAW));
    }
}
