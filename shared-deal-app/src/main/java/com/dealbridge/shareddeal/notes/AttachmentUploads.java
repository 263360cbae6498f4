package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.PayloadTooLargeException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.kit.web.UnsupportedMediaTypeException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.StoredFile;
import com.dealbridge.sync.blob.BlobTooLargeException;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attaches an uploaded file to a shared note: checks size (413) and type by content (415), streams the bytes into
 * this side's store while hashing them, then records the attachment, whose chunks the relay sends to the other
 * side. Nothing is attached when any step fails, and a stored file that could not be attached is removed.
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
        try (InputStream in = new BufferedInputStream(file.getInputStream(), ContentSniffer.PREFIX * 2)) {
            String contentType = contentType(file.getContentType(), in);
            stored = sharedDeals.files().store(attachmentId, fileName, contentType, in, maxBytes);
        } catch (BlobTooLargeException e) {
            throw tooLarge(maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        return attach(visible.deal().id(), noteId, stored, actor);
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

    /** The type to keep, judged by the content; 415 when unknown, contradicting the header, or not allowed. */
    private String contentType(String declared, InputStream in) throws IOException {
        in.mark(ContentSniffer.PREFIX);
        byte[] prefix = in.readNBytes(ContentSniffer.PREFIX);
        in.reset();
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

    private static PayloadTooLargeException tooLarge(long maxBytes) {
        return new PayloadTooLargeException("File too large", "Attachments may be at most " + maxBytes
                + " bytes (" + maxBytes / (1024 * 1024) + " MiB)");
    }
}
