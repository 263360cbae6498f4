package com.dealbridge.sync.log;

/**
 * Another writer appended at this place in the sequence first: the writer reloads, catches up from the log, and
 * appends its remaining events after the others.
 */
public class SequenceTakenException extends RuntimeException {

    private final int appended;

    public SequenceTakenException(LogEntry taken, int appended) {
        super("sequence " + taken.sequence() + " of " + taken.origin() + " for " + taken.aggregateId()
                + " is already in the change log");
        this.appended = appended;
    }

    /** How many entries of the batch went in before the one that was taken. */
    public int appended() {
        return appended;
    }
}
