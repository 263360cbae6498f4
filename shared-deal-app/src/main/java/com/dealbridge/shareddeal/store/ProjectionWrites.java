package com.dealbridge.shareddeal.store;

import com.dealbridge.sync.inbox.ConcurrentChangeException;
import com.dealbridge.sync.log.Durability;
import com.dealbridge.sync.log.GroupCommit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The projection writes of concurrent saves (different deals, on their lanes) as one bulk write per collection:
 * comments, attachments, notes, imported Shared tab lines, then the deal documents. Only the last command waits
 * for the disk, and that makes every write before it durable (ADR 0005), for all the saves at once. A save whose
 * write lost a race (a version another writer moved, a document created meanwhile) fails alone with
 * {@link ConcurrentChangeException} and none of its later writes is sent; the others go on.
 */
final class ProjectionWrites {

    /** The collections in the order a save writes them: children first, the deal document last. */
    static final int COMMENTS = 0;
    static final int ATTACHMENTS = 1;
    static final int NOTES = 2;
    static final int IMPORTS = 3;
    static final int DEALS = 4;
    private static final int STEPS = 5;
    private static final int GROUP = 64;
    private static final String NONE = "\u0000no-document";

    /** A write of one document, with the version it leaves a replaced document at (0: an upsert, unchecked). */
    record Write(WriteModel<Document> model, Object id, long newVersion) {

        boolean checked() {
            return model instanceof ReplaceOneModel<Document> && newVersion > 0;
        }
    }

    /** One save: its writes per collection ({@link #COMMENTS} .. {@link #DEALS}). */
    static final class Save {

        private final String dealId;
        private final List<List<Write>> steps = new ArrayList<>();

        Save(String dealId) {
            this.dealId = dealId;
            for (int i = 0; i < STEPS; i++) {
                steps.add(new ArrayList<>());
            }
        }

        void add(int step, Write write) {
            steps.get(step).add(write);
        }

        boolean isEmpty() {
            return steps.stream().allMatch(List::isEmpty);
        }
    }

    private final List<MongoCollection<Document>> collections;
    /**
     * Deals that lately had a document inserted whose id was taken (a received note id that another note holds):
     * their changes read before they insert again, so the rules see what holds the id.
     */
    private final Cache<String, Boolean> insertConflicts = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final GroupCommit<Save> group = new GroupCommit<>(this::writeTogether, GROUP);

    ProjectionWrites(MongoCollection<Document> comments, MongoCollection<Document> attachments,
                     MongoCollection<Document> notes, MongoCollection<Document> imports,
                     MongoCollection<Document> deals) {
        this.collections = List.of(comments, attachments, notes, imports, deals);
    }

    /**
     * Writes the save, alone or with others; returns once it is durable.
     *
     * @throws ConcurrentChangeException another writer changed one of its documents since it was loaded
     */
    void write(Save save) {
        if (!save.isEmpty()) {
            group.submit(save);
        }
    }

    /** Whether an insert of this deal's lately found its id taken (then reading first is due). */
    boolean hadInsertConflict(String dealId) {
        return insertConflicts.getIfPresent(dealId) != null;
    }

    void writeTogether(List<GroupCommit.Unit<Save>> units) {
        Set<GroupCommit.Unit<Save>> failed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean durable = false;
        for (int step = 0; step < STEPS; step++) {
            List<GroupCommit.Unit<Save>> writing = live(units, failed, step);
            if (writing.isEmpty()) {
                continue;
            }
            durable = !later(units, failed, step);
            write(step, writing, durable, failed);
        }
        if (!durable && units.stream().anyMatch(unit -> !failed.contains(unit))) {
            // the save that was to write last failed: one more write that waits makes the others durable
            collections.get(IMPORTS).deleteOne(Filters.eq("_id", NONE));
        }
        units.forEach(unit -> unit.complete(null));
    }

    private static List<GroupCommit.Unit<Save>> live(List<GroupCommit.Unit<Save>> units,
                                                     Set<GroupCommit.Unit<Save>> failed, int step) {
        return units.stream().filter(unit -> !failed.contains(unit) && !unit.write().steps.get(step).isEmpty())
                .toList();
    }

    private static boolean later(List<GroupCommit.Unit<Save>> units, Set<GroupCommit.Unit<Save>> failed, int step) {
        for (int next = step + 1; next < STEPS; next++) {
            if (!live(units, failed, next).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** One bulk write of a collection for the saves; marks those whose write failed. */
    private void write(int step, List<GroupCommit.Unit<Save>> writing, boolean durable,
                       Set<GroupCommit.Unit<Save>> failed) {
        MongoCollection<Document> collection = durable ? collections.get(step)
                : Durability.deferred(collections.get(step));
        List<WriteModel<Document>> models = new ArrayList<>();
        List<GroupCommit.Unit<Save>> owners = new ArrayList<>();
        List<Write> checked = new ArrayList<>();
        for (GroupCommit.Unit<Save> unit : writing) {
            for (Write write : unit.write().steps.get(step)) {
                models.add(write.model());
                owners.add(unit);
            }
        }
        long matched;
        Set<GroupCommit.Unit<Save>> erred = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            matched = collection.bulkWrite(models, new BulkWriteOptions().ordered(false)).getMatchedCount();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e; // not known to be durable: every save of the group fails (and retries)
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                GroupCommit.Unit<Save> unit = owners.get(error.getIndex());
                erred.add(unit);
                boolean taken = ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
                if (taken) {
                    insertConflicts.put(unit.write().dealId, true);
                }
                unit.fail(taken
                        ? new ConcurrentChangeException(name(step) + " of deal " + unit.write().dealId
                        + " written meanwhile by another writer") : e);
            }
            matched = e.getWriteResult().getMatchedCount();
        }
        failed.addAll(erred);
        for (GroupCommit.Unit<Save> unit : writing) {
            if (!erred.contains(unit)) {
                unit.write().steps.get(step).stream().filter(Write::checked).forEach(checked::add);
            }
        }
        if (matched < checked.size()) {
            lostRaces(step, writing, erred, failed);
        }
    }

    /**
     * A conditional replacement matched nothing, and the bulk's count does not say which: every save with one in
     * this write is treated as having lost the race (rare: several instances writing one deal). Each reloads and
     * applies again, which is idempotent for those whose write did go in.
     */
    private static void lostRaces(int step, List<GroupCommit.Unit<Save>> writing, Set<GroupCommit.Unit<Save>> erred,
                                  Set<GroupCommit.Unit<Save>> failed) {
        for (GroupCommit.Unit<Save> unit : writing) {
            if (!erred.contains(unit) && unit.write().steps.get(step).stream().anyMatch(Write::checked)) {
                unit.fail(new ConcurrentChangeException(name(step) + " of deal " + unit.write().dealId
                        + " (or of a deal written with it) changed meanwhile by another writer"));
                failed.add(unit);
            }
        }
    }

    private static String name(int step) {
        return switch (step) {
            case COMMENTS -> "a comment";
            case ATTACHMENTS -> "an attachment";
            case NOTES -> "a note";
            case IMPORTS -> "a Shared tab line";
            default -> "the deal document";
        };
    }
}
