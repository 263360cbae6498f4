package com.dealbridge.partner.note;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One private note. {@code partnerId} is stored although the deal already belongs to one partner, so every read
 * can be scoped by partner on its own and never depends on the deal check having been made first.
 */
@Document("private_notes")
@CompoundIndex(name = "dealId_createdAt", def = "{'dealId': 1, 'createdAt': 1}")
record PrivateNoteDocument(@Id String id, String partnerId, String dealId, String body, NoteAuthor author,
        Instant createdAt) {
}
