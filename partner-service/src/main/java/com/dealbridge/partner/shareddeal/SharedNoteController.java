package com.dealbridge.partner.shareddeal;

import com.dealbridge.shareddeal.notes.AttachmentUploads;
import com.dealbridge.shareddeal.notes.SharedNoteEndpoints;
import com.dealbridge.shareddeal.notes.SharedNotes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shared notes, comments and attachments of the partner's shared deals (the same endpoints as the CRM's). */
@RestController
@RequestMapping("/api/shared-deals/{id}/shared-notes")
class SharedNoteController extends SharedNoteEndpoints {

    SharedNoteController(SharedNotes notes, AttachmentUploads uploads) {
        super(notes, uploads);
    }
}
