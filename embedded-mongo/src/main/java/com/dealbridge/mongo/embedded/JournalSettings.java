package com.dealbridge.mongo.embedded;

/**
 * How the embedded store writes its journal.
 *
 * @param fsync             flush each group commit to the device ({@code FileChannel.force}), so acknowledged
 *                          writes survive a power loss too; without it they survive the death of the process
 *                          (the bytes are in the operating system's cache) but not of the machine
 * @param compactAfterBytes rewrite the journal as a snapshot once it exceeds this many bytes and twice the size
 *                          of the last snapshot
 */
public record JournalSettings(boolean fsync, long compactAfterBytes) {

    public static final long DEFAULT_COMPACT_AFTER_BYTES = 64L * 1024 * 1024;

    public JournalSettings {
        if (compactAfterBytes < 1024 * 1024) {
            throw new IllegalArgumentException("compactAfterBytes must be at least 1 MiB, was " + compactAfterBytes);
        }
    }

    public static JournalSettings defaults() {
        return new JournalSettings(true, DEFAULT_COMPACT_AFTER_BYTES);
    }
}
