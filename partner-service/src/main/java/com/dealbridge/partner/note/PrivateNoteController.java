package com.dealbridge.partner.note;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Private notes of a deal: visible to the partner's users only, never synced. */
@RestController
@RequestMapping("/api/deals/{dealId}/notes")
class PrivateNoteController {

    /** Validated by {@link PrivateNotes}, which owns the rules, rather than by Bean Validation here. */
    record NoteRequest(String body) {
    }

    private final PrivateNotes notes;

    PrivateNoteController(PrivateNotes notes) {
        this.notes = notes;
    }

    /** Adds a private note to the partner's own deal: never shared with the CRM. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PrivateNoteView add(Caller caller, @PathVariable String dealId, @RequestBody NoteRequest request) {
        return PrivateNoteView.of(notes.add(caller, dealId, request.body()));
    }

    /** Oldest first; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping
    ListResponse<PrivateNoteView> list(Caller caller, @PathVariable String dealId,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return notes.list(caller, dealId, Paging.of(page, size)).map(PrivateNoteView::of);
    }
}
