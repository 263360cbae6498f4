package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * Shared notes, comments and attachments of a shared deal: the same endpoints on both services, each of which
 * serves them from its own {@code SharedNoteController} extending this.
 */
public abstract class SharedNoteEndpoints {

    public record TextRequest(String body) {
    }

    private final SharedNotes notes;
    private final AttachmentUploads uploads;

    protected SharedNoteEndpoints(SharedNotes notes, AttachmentUploads uploads) {
        this.notes = notes;
        this.uploads = uploads;
    }

    /**
     * The shared notes of a deal with their comments and attachments, oldest first; {@code page} (from 0) of
     * {@code size}.
     */
    @GetMapping
    public ListResponse<NoteView> list(Caller caller, @PathVariable String id,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return notes.list(caller, id, Paging.of(page, size));
    }

    /** Adds a shared note: visible on the other side once synced (typically within milliseconds). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public NoteView add(Caller caller, @PathVariable String id, @RequestBody TextRequest request) {
        return notes.add(caller, id, request.body());
    }

    /** One shared note with its comments and attachments. */
    @GetMapping("/{noteId}")
    public NoteView get(Caller caller, @PathVariable String id, @PathVariable String noteId) {
        return notes.get(caller, id, noteId);
    }

    /** Edits a shared note of this side; the other side's notes, or a deleted note → 403 or 409. */
    @PatchMapping("/{noteId}")
    public NoteView edit(Caller caller, @PathVariable String id, @PathVariable String noteId,
                         @RequestBody TextRequest request) {
        return notes.edit(caller, id, noteId, request.body());
    }

    /** Deletes a shared note of this side on both sides; a later edit from either side does not bring it back. */
    @DeleteMapping("/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable String id, @PathVariable String noteId) {
        notes.delete(caller, id, noteId);
    }

    /** Comments on a shared note (either side's). */
    @PostMapping("/{noteId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public NoteView.CommentView comment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                                        @RequestBody TextRequest request) {
        return notes.comment(caller, id, noteId, request.body());
    }

    /** Deletes a comment of this side on both sides. */
    @DeleteMapping("/{noteId}/comments/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteComment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                              @PathVariable String commentId) {
        notes.deleteComment(caller, id, noteId, commentId);
    }

    /**
     * Attaches a file (multipart part {@code file}) to a shared note: checked to the last byte against its
     * type, then sent to the other side in chunks; too large → 413, a type or content refused → 422.
     */
    @PostMapping(path = "/{noteId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public NoteView.AttachmentView upload(Caller caller, @PathVariable String id, @PathVariable String noteId,
                                          @RequestPart(name = "file", required = false) MultipartFile file) {
        return uploads.upload(caller, id, noteId, file);
    }

    /** Streams the bytes; {@code ETag} is the SHA-256, so {@code If-None-Match} answers 304 without a body. */
    @GetMapping("/{noteId}/attachments/{attachmentId}")
    public ResponseEntity<InputStreamResource> download(Caller caller, @PathVariable String id,
                                                        @PathVariable String noteId,
                                                        @PathVariable String attachmentId, WebRequest request) {
        SharedNotes.Download download = notes.download(caller, id, noteId, attachmentId);
        NoteAttachment attachment = download.attachment();
        String etag = "\"" + attachment.sha256() + "\"";
        if (request.checkNotModified(etag)) {
            closeQuietly(download);
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .eTag(etag)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    /** Deletes an attachment on both sides. */
    @DeleteMapping("/{noteId}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteAttachment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                                 @PathVariable String attachmentId) {
        notes.deleteAttachment(caller, id, noteId, attachmentId);
    }

    private static void closeQuietly(SharedNotes.Download download) {
        try {
            download.content().close();
        } catch (java.io.IOException ignored) {
            // nothing was read; the stream holds no lock
        }
    }
}
