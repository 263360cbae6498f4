package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.PayloadTooLargeException;
import com.dealbridge.kit.web.ProblemException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.kit.web.UnsupportedMediaTypeException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.StoredFile;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.sync.blob.BlobTooLargeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attaches an uploaded file to a shared note: checks size (413), the file name (422 when longer than the limit) and
 * the type by the first bytes (415), streams the bytes into this side's store while hashing them and checking the
 * whole file against that type ({@link ContentCheck}; ZIP-based types in a second streaming pass over the stored
 * bytes, {@link OoxmlCheck}), then records the attachment, whose chunks the relay sends to the other side. A file
 * that is not (only) its type answers 415, one that is its type but malformed 422. Nothing is attached when any
 * step fails, and nothing stays stored: a refusal while streaming aborts the write, and a stored file that is
 * refused afterwards or could not be attached is removed.
 */
public class AttachmentUploads {

    private final SharedDeals sharedDeals;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;
    private final AttachmentProperties properties;

    public AttachmentUploads(SharedDeals sharedDeals, SharedDealQueries queries, SharedDealCommands commands,
                             AttachmentProperties properties) {
        this.sharedDeals = sharedDeals;
        this.queries = queries;
        this.commands = commands;
        this.properties = properties;
    }

    public NoteView.AttachmentView upload(Caller caller, String sharedDealId, String noteId, MultipartFile file) {
        Actor actor = commands.actor(caller);
        SharedDealDocument visible = queries.visible(caller, sharedDealId);
        SharedNotes.liveNote(visible.deal(), noteId);
        if (file == null) {
            throw UnprocessableException.of("file", "send the file as the multipart field 'file'");
        }
        long maxBytes = properties.maxSize().toBytes();
        if (file.getSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String fileName = FileNames.sanitise(file.getOriginalFilename());
        String attachmentId = UUID.randomUUID().toString();
        StoredFile stored;
        String contentType = null;
        try (InputStream in = new BufferedInputStream(file.getInputStream(), ContentSniffer.PREFIX * 2)) {
            contentType = contentType(file.getContentType(), in);
            stored = sharedDeals.files().store(attachmentId, fileName, contentType,
                    new CheckedUpload(in, ContentCheck.forType(contentType)), maxBytes);
        } catch (BlobTooLargeException e) {
            throw tooLarge(maxBytes);
        } catch (RefusedFile e) {
            throw refused(e, contentType); // nothing was kept: the store aborts its write
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        if (OoxmlCheck.checks(stored.contentType())) {
            checkStoredArchive(stored);
        }
        return attach(visible.deal().id(), noteId, stored, actor);
    }

    /** The second pass, over the stored bytes: a refused archive is removed before anything refers to it. */
    private void checkStoredArchive(StoredFile stored) {
        try {
            try (InputStream in = sharedDeals.files().open(stored.attachmentId()).orElseThrow(() ->
                    new IllegalStateException("the upload " + stored.attachmentId() + " was just stored"))) {
                new OoxmlCheck().check(in, stored.contentType());
            }
        } catch (RefusedFile e) {
            sharedDeals.files().delete(stored.attachmentId());
            throw refused(e, stored.contentType());
        } catch (IOException | RuntimeException e) {
            sharedDeals.files().delete(stored.attachmentId());
            throw e instanceof IOException io ? new UncheckedIOException("could not read the stored upload", io)
                    : (RuntimeException) e;
        }
    }

    private NoteView.AttachmentView attach(SharedDealId dealId, String noteId, StoredFile stored, Actor actor) {
        try {
            SharedDealDocument saved = sharedDeals.change(dealId, (document, clock) ->
                    document.deal().addAttachment(noteId, stored, clock, actor));
            return NoteView.AttachmentView.of(noteId, SharedNotes.liveAttachment(saved.deal(), noteId,
                    stored.attachmentId()));
        } catch (RuntimeException e) {
            // e.g. the note was deleted meanwhile: the file must not stay behind
            sharedDeals.files().delete(stored.attachmentId());
            throw e;
        }
    }

    /**
     * The type to keep, judged by the content; 415 when an executable, unknown, contradicting the header, or not
     * allowed.
     */
    private String contentType(String declared, InputStream in) throws IOException {
        in.mark(ContentSniffer.PREFIX);
        byte[] prefix = in.readNBytes(ContentSniffer.PREFIX);
        in.reset();
        String executable = ContentSniffer.executable(prefix);
        if (executable != null) {
            throw new UnsupportedMediaTypeException("File type not allowed", "The file is " + executable
                    + "; executables cannot be attached");
        }
        String type = ContentSniffer.decide(declared, prefix);
        if (type == null) {
            throw new UnsupportedMediaTypeException("File type not allowed", "The file's content is not one of the"
                    + " allowed types " + properties.allowedTypes() + (declared == null ? "" : " (or does not match"
                    + " the declared type " + declared + ")"));
        }
        if (!properties.allowedTypes().contains(type)) {
            throw new UnsupportedMediaTypeException("File type not allowed", "Files of type " + type
                    + " cannot be attached; allowed are " + properties.allowedTypes());
        }
        return type;
    }

    /** 415 for content that is not (only) its type, 422 for a file of its type that is broken; both name why. */
    private static ProblemException refused(RefusedFile refusal, String type) {
        if (refusal.kind() == RefusedFile.Kind.WRONG_TYPE) {
            return new UnsupportedMediaTypeException("File type not allowed", "The file cannot be attached as "
                    + type + ": " + refusal.getMessage());
        }
        return UnprocessableException.of("file", refusal.getMessage() + " (checked as " + type + ")");
    }

    private static PayloadTooLargeException tooLarge(long maxBytes) {
        return new PayloadTooLargeException("File too large", "Attachments may be at most " + maxBytes
                + " bytes (" + maxBytes / (1024 * 1024) + " MiB)");
    }
}
