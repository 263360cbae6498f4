package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a deal document after local changes or received events, then does what only a saved change allows:
 * removes the files of attachments it deleted (a crash in between leaves an orphaned file, never a missing one),
 * and tells the listeners.
 */
public class SharedDealSaver {

    private static final Logger log = LoggerFactory.getLogger(SharedDealSaver.class);

    private final ProjectionStore store;
    private final AttachmentFiles files;
    private final Supplier<List<AppliedEventListener>> listeners;
    /** The listeners once the context is up ({@link #fixListeners}); until then looked up on each save. */
    private volatile List<AppliedEventListener> fixed;

    public SharedDealSaver(ProjectionStore store, AttachmentFiles files,
                           Supplier<List<AppliedEventListener>> listeners) {
        this.store = store;
        this.files = files;
        this.listeners = listeners;
    }

    /**
     * Looks the listeners up once more and keeps them: called once every bean exists. Looking them up on every save
     * (an {@code ObjectProvider} stream) cost about 5 % of the receiving side's CPU under load.
     */
    public void fixListeners() {
        fixed = List.copyOf(listeners.get());
    }

    /** @throws com.dealbridge.sync.inbox.ConcurrentChangeException another writer saved first: nothing after */
    void save(SharedDealDocument document) {
        List<String> purged = document.deal().attachmentsToPurge().stream().map(NoteAttachment::id).toList();
        purged.forEach(document.deal()::markPurged);
        store.save(document, document.deal().drainImportedActivity());
        for (String attachmentId : purged) {
            try {
                files.delete(attachmentId);
            } catch (RuntimeException e) {
                log.warn("could not remove the file of deleted attachment {} of deal {}", attachmentId,
                        document.id(), e);
            }
        }
        document.drainAfterSave().forEach(Runnable::run);
        List<SharedDealEvent> applied = document.drainApplied();
        List<AppliedEventListener> current = fixed;
        for (AppliedEventListener listener : current != null ? current : listeners.get()) {
            try {
                for (SharedDealEvent event : applied) {
                    listener.applied(document, event);
                }
                listener.saved(document);
            } catch (RuntimeException e) {
                log.warn("{} failed after deal {} was saved", listener.getClass().getSimpleName(), document.id(), e);
            }
        }
    }
}
