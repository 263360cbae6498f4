package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.NoteComment;
import com.dealbridge.shareddeal.domain.SharedNote;
import com.dealbridge.sync.inbox.ConcurrentChangeException;
import com.dealbridge.sync.log.IndexedCount;
import com.dealbridge.sync.log.IndexedCount;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The projections in MongoDB: the deal document, its notes, comments and attachment records, and the Shared tab
 * lines snapshots brought. Loads are by id; every write of an existing document is conditional on the version it
 * was loaded at ({@code {_id, v}}, served by a unique index even on the embedded server), so writers on several
 * instances never overwrite each other: the loser reloads and applies again.
 */
public class ProjectionStore {

    static final String IMPORTS = "shared_tab_imports";

    private final MongoOperations mongo;
    private final MongoCollection<Document> deals;
    private final MongoCollection<Document> notes;
    private final MongoCollection<Document> comments;
    private final MongoCollection<Document> attachments;
    private final MongoCollection<Document> imports;
    private final ProjectionWrites writes;

    /** What a deal document held when this process last saved it; state records are immutable. */
    private record Saved(DealFacts.State facts, long version, String localDealId, long parked) {
    }

    private final Cache<String, Saved> lastSaved;

    public ProjectionStore(MongoOperations mongo) {
        this(mongo, 0);
    }

    /**
     * @param cachedDeals how many deals' last saved documents to keep for {@link #loadForChange}: a change of a deal
     *                    this process saved recently then costs no read. 0: none.
     */
    public ProjectionStore(MongoOperations mongo, int cachedDeals) {
        this.lastSaved = Caffeine.newBuilder().maximumSize(cachedDeals).build();
        this.mongo = mongo;
        this.deals = mongo.getCollection(DealDocuments.COLLECTION);
        this.notes = mongo.getCollection(NoteDocuments.NOTES);
        this.comments = mongo.getCollection(NoteDocuments.COMMENTS);
        this.attachments = mongo.getCollection(NoteDocuments.ATTACHMENTS);
        this.imports = mongo.getCollection(IMPORTS);
        this.writes = new ProjectionWrites(comments, attachments, notes, imports, deals);
        for (MongoCollection<Document> collection : List.of(deals, notes, comments, attachments)) {
            collection.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
        }
        deals.createIndex(Indexes.ascending("partnerId", "status", "updatedAt"));
        deals.createIndex(Indexes.ascending("localDealId"));
        deals.createIndex(Indexes.ascending("registeredDomain"));
        deals.createIndex(Indexes.ascending("expiresAt"));
        deals.createIndex(Indexes.ascending("quoteIds"));
        deals.createIndex(Indexes.ascending("unlinked"));
        deals.createIndex(Indexes.ascending("unassigned"));
        deals.createIndex(Indexes.ascending("hasParked"));
        deals.createIndex(Indexes.ascending("status", "assignedRepId"));
        notes.createIndex(Indexes.ascending("sharedDealId", "deleted", "createdWall", "createdCounter",
                "createdOrigin"));
        comments.createIndex(Indexes.ascending("noteId"));
        attachments.createIndex(Indexes.ascending("noteId"));
        imports.createIndex(Indexes.ascending("sharedDealId"));
    }

    /** The deal's document as a change starts from it (notes load as the change asks for them). */
    public SharedDealDocument load(String sharedDealId) {
        SharedDealDocument document = new SharedDealDocument(sharedDealId,
                new LoadedNotes(noteId -> loadNote(sharedDealId, noteId)));
        Document stored = deals.find(Filters.eq("_id", sharedDealId)).first();
        if (stored != null) {
            fill(document, stored);
        }
        return document;
    }

    /**
     * As {@link #load}, from the document this process saved last when it has it. It may be stale if another
     * instance wrote the deal since; a change is safe on it anyway: its log insert and its conditional save fail on
     * a stale version, and the writer then reloads with {@link #load}.
     */
    public SharedDealDocument loadForChange(String sharedDealId) {
        Saved saved = lastSaved.getIfPresent(sharedDealId);
        if (saved == null) {
            return load(sharedDealId);
        }
        SharedDealDocument document = new SharedDealDocument(sharedDealId,
                new LoadedNotes(noteId -> loadNote(sharedDealId, noteId)));
        document.loaded(saved.facts(), saved.version(), saved.localDealId(), saved.parked());
        return document;
    }

    private static void fill(SharedDealDocument document, Document stored) {
        document.loaded(DealDocuments.facts(stored), Bson.number(stored, "v"), stored.getString("localDealId"),
                Bson.number(stored, "parked"));
    }

    /**
     * Lets a received note be added without looking for it first: only the event's origin makes a note id, so none
     * holds it yet, unless the event is forged or repeats a note a snapshot brought. Then the insert finds the id
     * taken, the save fails as a lost race, and the next attempt on this deal reads the note first and applies the
     * rules to what it finds (a note of another deal: refused).
     */
    public void assumeReceivedNoteNew(SharedDealDocument document, String noteId) {
        if (!writes.hadInsertConflict(document.id())) {
            document.assumeNewNote(noteId);
        }
    }

    /** Loads every note of the deal into the document (resync, snapshots). */
    public void loadAllNotes(SharedDealDocument document) {
        if (document.notes().complete()) {
            return;
        }
        List<Document> noteDocuments = notes.find(Filters.eq("sharedDealId", document.id())).into(new ArrayList<>());
        Map<String, List<Document>> commentsByNote = byNote(comments.find(Filters.eq("sharedDealId", document.id())));
        Map<String, List<Document>> attachmentsByNote = byNote(attachments.find(Filters.eq("sharedDealId",
                document.id())));
        List<LoadedNotes.Loaded> all = new ArrayList<>();
        for (Document note : noteDocuments) {
            all.add(loaded(note, commentsByNote.getOrDefault(note.getString("_id"), List.of()),
                    attachmentsByNote.getOrDefault(note.getString("_id"), List.of())));
        }
        document.notes().loadAll(all);
    }

    private static Map<String, List<Document>> byNote(Iterable<Document> documents) {
        Map<String, List<Document>> byNote = new HashMap<>();
        documents.forEach(d -> byNote.computeIfAbsent(d.getString("noteId"), id -> new ArrayList<>()).add(d));
        return byNote;
    }

    /**
     * A note of the deal with its comments and attachments; empty when there is none.
     *
     * @throws ForeignIdException a note with this id belongs to another deal
     */
    Optional<LoadedNotes.Loaded> loadNote(String sharedDealId, String noteId) {
        Document note = notes.find(Filters.eq("_id", noteId)).first();
        if (note == null) {
            return Optional.empty();
        }
        if (!sharedDealId.equals(note.getString("sharedDealId"))) {
            throw new ForeignIdException("note " + noteId + " belongs to another shared deal");
        }
        List<String> commentIds = note.getList("commentIds", String.class, List.of());
        List<String> attachmentIds = note.getList("attachmentIds", String.class, List.of());
        List<Document> noteComments = commentIds.isEmpty() ? List.of()
                : comments.find(Filters.in("_id", commentIds)).into(new ArrayList<>());
        List<Document> noteAttachments = attachmentIds.isEmpty() ? List.of()
                : attachments.find(Filters.in("_id", attachmentIds)).into(new ArrayList<>());
        return Optional.of(loaded(note, noteComments, noteAttachments));
    }

    private static LoadedNotes.Loaded loaded(Document note, List<Document> noteComments,
                                             List<Document> noteAttachments) {
        Map<String, Long> commentVersions = new HashMap<>();
        Map<String, NoteComment.State> commentStates = new LinkedHashMap<>();
        List<NoteComment> restoredComments = new ArrayList<>();
        for (Document comment : order(note.getList("commentIds", String.class, List.of()), noteComments)) {
            NoteComment.State state = NoteDocuments.comment(comment);
            commentVersions.put(state.id(), Bson.number(comment, "v"));
            commentStates.put(state.id(), state);
            restoredComments.add(NoteComment.restore(state));
        }
        Map<String, Long> attachmentVersions = new HashMap<>();
        Map<String, NoteAttachment.State> attachmentStates = new LinkedHashMap<>();
        List<NoteAttachment> restoredAttachments = new ArrayList<>();
        for (Document attachment : order(note.getList("attachmentIds", String.class, List.of()), noteAttachments)) {
            NoteAttachment.State state = NoteDocuments.attachment(attachment);
            attachmentVersions.put(state.id(), Bson.number(attachment, "v"));
            attachmentStates.put(state.id(), state);
            restoredAttachments.add(NoteAttachment.restore(state));
        }
        SharedNote.State state = NoteDocuments.note(note);
        return new LoadedNotes.Loaded(SharedNote.restore(state, restoredComments, restoredAttachments),
                Bson.number(note, "v"), state, commentVersions, commentStates, attachmentVersions, attachmentStates);
    }

    /** Children in the order the note lists them (their order of arrival), whatever order the query gave. */
    private static List<Document> order(List<String> ids, List<Document> documents) {
        Map<String, Document> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.getString("_id"), d));
        List<Document> ordered = new ArrayList<>();
        ids.forEach(id -> {
            Document d = byId.get(id);
            if (d != null) {
                ordered.add(d);
            }
        });
        return ordered;
    }

    /**
     * Writes what the change did: new and changed notes, comments and attachment records, then the deal document.
     *
     * @throws ConcurrentChangeException another writer saved one of them since it was loaded
     */
    public void save(SharedDealDocument document, List<ActivityEntry> importedActivity) {
        try {
            write(document, importedActivity);
        } catch (RuntimeException e) {
            // lost a race, or failed half-way: the next change reads the deal from the store
            lastSaved.invalidate(document.id());
            throw e;
        }
    }

    private void write(SharedDealDocument document, List<ActivityEntry> importedActivity) {
        document.saving();
        String dealId = document.id();
        ProjectionWrites.Save save = new ProjectionWrites.Save(dealId);
        Map<String, LoadedNotes.Loaded> written = new HashMap<>();
        for (LoadedNotes.Loaded loaded : document.notes().loaded()) {
            SharedNote note = loaded.note();
            Map<String, Long> commentVersions = new HashMap<>(loaded.commentVersions());
            Map<String, NoteComment.State> commentStates = new LinkedHashMap<>();
            for (NoteComment comment : note.allComments()) {
                NoteComment.State state = comment.state();
                commentStates.put(state.id(), state);
                long version = loaded.commentVersions().getOrDefault(state.id(), 0L);
                if (!state.equals(loaded.comments().get(state.id()))) {
                    save.add(ProjectionWrites.COMMENTS,
                            write(NoteDocuments.comment(dealId, note.id(), state, version + 1), version));
                    commentVersions.put(state.id(), version + 1);
                }
            }
            Map<String, Long> attachmentVersions = new HashMap<>(loaded.attachmentVersions());
            Map<String, NoteAttachment.State> attachmentStates = new LinkedHashMap<>();
            for (NoteAttachment attachment : note.allAttachments()) {
                NoteAttachment.State state = attachment.state();
                attachmentStates.put(state.id(), state);
                long version = loaded.attachmentVersions().getOrDefault(state.id(), 0L);
                if (!state.equals(loaded.attachments().get(state.id()))) {
                    save.add(ProjectionWrites.ATTACHMENTS,
                            write(NoteDocuments.attachment(dealId, note.id(), state, version + 1), version));
                    attachmentVersions.put(state.id(), version + 1);
                }
            }
            SharedNote.State state = note.state();
            boolean childrenAdded = !commentStates.keySet().equals(loaded.comments().keySet())
                    || !attachmentStates.keySet().equals(loaded.attachments().keySet());
            long version = loaded.version();
            if (!state.equals(loaded.state()) || childrenAdded) {
                save.add(ProjectionWrites.NOTES, write(NoteDocuments.note(dealId, state, version + 1,
                        List.copyOf(commentStates.keySet()), List.copyOf(attachmentStates.keySet())), version));
                version++;
            }
            written.put(note.id(), new LoadedNotes.Loaded(note, version, state, commentVersions, commentStates,
                    attachmentVersions, attachmentStates));
        }
        for (ActivityEntry entry : importedActivity) {
            Document line = TabDocuments.document(dealId, entry);
            save.add(ProjectionWrites.IMPORTS, new ProjectionWrites.Write(new ReplaceOneModel<>(
                    Filters.eq("_id", line.getString("_id")), line, new ReplaceOptions().upsert(true)),
                    line.getString("_id"), 0));
        }
        long version = document.storedVersion();
        DealFacts.State facts = document.changed() ? document.deal().facts().state() : null;
        if (facts != null) {
            Document next = DealDocuments.document(facts, version + 1, document.localDealId(), document.parked());
            save.add(ProjectionWrites.DEALS, document.stored() ? write(next, version)
                    : new ProjectionWrites.Write(new InsertOneModel<>(next), document.id(), version + 1));
        }
        // children first, the deal document last; only the last write waits for the disk, for all saves with it
        writes.write(save);
        if (facts != null) {
            document.saved(version + 1);
            lastSaved.put(document.id(), new Saved(facts, version + 1, document.localDealId(), document.parked()));
        }
        document.notes().saved(written);
    }

    /** An insert for a new document, else a replacement conditional on the version it was loaded at. */
    private static ProjectionWrites.Write write(Document next, long loadedVersion) {
        return new ProjectionWrites.Write(loadedVersion == 0 ? new InsertOneModel<>(next)
                : new ReplaceOneModel<>(new Document("_id", next.get("_id")).append("v", loadedVersion), next),
                next.get("_id"), loadedVersion + 1);
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    public Optional<SharedDealDocument> find(String sharedDealId) {
        SharedDealDocument document = load(sharedDealId);
        return document.exists() ? Optional.of(document) : Optional.empty();
    }

    /** Deal documents matching a filter, with their notes loadable on demand. */
    public List<SharedDealDocument> find(org.bson.conversions.Bson filter, org.bson.conversions.Bson sort,
                                         int skip, int limit) {
        List<SharedDealDocument> found = new ArrayList<>();
        var query = deals.find(filter).sort(sort).skip(skip);
        if (limit > 0) {
            query = query.limit(limit);
        }
        for (Document stored : query) {
            SharedDealDocument document = new SharedDealDocument(stored.getString("_id"),
                    new LoadedNotes(noteId -> loadNote(stored.getString("_id"), noteId)));
            fill(document, stored);
            found.add(document);
        }
        return found;
    }

    /** With the {@code count} command ({@link IndexedCount}): a list's total read off its index, not every deal. */
    public long count(org.bson.conversions.Bson filter) {
        return IndexedCount.count(mongo, DealDocuments.COLLECTION, filter);
    }

    /** Only the given fields of matching deal documents (cheap counts and id lists). */
    public List<Document> fields(org.bson.conversions.Bson filter, List<String> fields, int limit) {
        var query = deals.find(filter).projection(com.mongodb.client.model.Projections.include(fields));
        if (limit > 0) {
            query = query.limit(limit);
        }
        return query.into(new ArrayList<>());
    }

    /** A page of the deal's live notes, oldest first by (hlc, origin), with their comments and attachments. */
    public List<SharedNote> notes(String sharedDealId, int skip, int limit) {
        List<Document> noteDocuments = notes.find(Filters.and(Filters.eq("sharedDealId", sharedDealId),
                        Filters.eq("deleted", false)))
                .sort(com.mongodb.client.model.Sorts.ascending("createdWall", "createdCounter", "createdOrigin"))
                .skip(skip).limit(limit).into(new ArrayList<>());
        // three queries for the whole page: its notes, then all their comments, then all their attachments
        List<String> commentIds = new ArrayList<>();
        List<String> attachmentIds = new ArrayList<>();
        noteDocuments.forEach(note -> {
            commentIds.addAll(note.getList("commentIds", String.class, List.of()));
            attachmentIds.addAll(note.getList("attachmentIds", String.class, List.of()));
        });
        Map<String, List<Document>> commentsByNote = commentIds.isEmpty() ? Map.of()
                : byNote(comments.find(Filters.in("_id", commentIds)));
        Map<String, List<Document>> attachmentsByNote = attachmentIds.isEmpty() ? Map.of()
                : byNote(attachments.find(Filters.in("_id", attachmentIds)));
        List<SharedNote> page = new ArrayList<>();
        for (Document note : noteDocuments) {
            String noteId = note.getString("_id");
            page.add(loaded(note, commentsByNote.getOrDefault(noteId, List.of()),
                    attachmentsByNote.getOrDefault(noteId, List.of())).note());
        }
        return page;
    }

    /** An attachment record of the deal (deleted or not), found by its id alone. */
    public Optional<NoteAttachment> attachment(String sharedDealId, String attachmentId) {
        Document attachment = attachments.find(Filters.eq("_id", attachmentId)).first();
        if (attachment == null || !sharedDealId.equals(attachment.getString("sharedDealId"))) {
            return Optional.empty();
        }
        return Optional.of(NoteAttachment.restore(NoteDocuments.attachment(attachment)));
    }

    /** Which of these notes and comments are live (not deleted): for the Shared tab's texts. */
    /**
     * Which of these ids are live (not deleted). The query names the ids alone, so the {@code _id} index answers it
     * (the embedded store's unique index serves a query on exactly its keys: with {@code deleted} in the filter it
     * read every note of every deal, 180 ms of a Shared tab page beside a 20,000-note deal); deletion is checked here.
     */
    public java.util.Set<String> live(MongoCollection<Document> collection, java.util.Collection<String> ids) {
        java.util.Set<String> live = new java.util.HashSet<>();
        if (!ids.isEmpty()) {
            collection.find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
                    .projection(com.mongodb.client.model.Projections.include("_id", "deleted"))
                    .forEach(d -> {
                        if (Boolean.FALSE.equals(d.getBoolean("deleted"))) {
                            live.add(d.getString("_id"));
                        }
                    });
        }
        return live;
    }

    public java.util.Set<String> liveNotes(java.util.Collection<String> ids) {
        return live(notes, ids);
    }

    public java.util.Set<String> liveComments(java.util.Collection<String> ids) {
        return live(comments, ids);
    }

    /** The Shared tab lines that snapshots brought for the deal. */
    public List<ActivityEntry> importedActivity(String sharedDealId) {
        List<ActivityEntry> entries = new ArrayList<>();
        imports.find(Filters.eq("sharedDealId", sharedDealId)).forEach(d -> entries.add(TabDocuments.entry(d)));
        return entries;
    }

    /** Drops this process's copy of the deal's document: another instance changed the deal since it was saved. */
    public void invalidate(String sharedDealId) {
        lastSaved.invalidate(sharedDealId);
    }

    /** Removes everything this side projected of a deal (tests and repair tooling only). */
    public void forget(String sharedDealId) {
        deals.deleteOne(Filters.eq("_id", sharedDealId));
        lastSaved.invalidate(sharedDealId);
        for (MongoCollection<Document> collection : List.of(notes, comments, attachments, imports)) {
            collection.deleteMany(Filters.eq("sharedDealId", sharedDealId));
        }
    }
}
