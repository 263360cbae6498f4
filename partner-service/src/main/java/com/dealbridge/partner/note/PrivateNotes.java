package com.dealbridge.partner.note;

import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.deal.Deal;
import com.dealbridge.partner.deal.Deals;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Private notes on the caller's partner's deals. Deliberately writes to {@code private_notes} only and never
 * touches the shared deal or its outbox: a private note must not reach the CRM, not even by a later resync.
 */
@Service
class PrivateNotes {

    /** 64 Ki characters: room for long meeting notes while keeping a note far below MongoDB's 16 MiB limit. */
    static final int MAX_BODY_CHARACTERS = 65_536;

    /** Creation time, then id, so that notes created in the same millisecond on two instances keep one order. */
    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and(Sort.by("_id"));

    private final MongoOperations mongo;
    private final Deals deals;
    private final CreationTimes creationTimes;

    PrivateNotes(MongoOperations mongo, Deals deals) {
        this.mongo = mongo;
        this.deals = deals;
        this.creationTimes = new CreationTimes(Clock.systemUTC());
    }

    /**
     * @throws NotFoundException      the deal is not one of the caller's partner's deals
     * @throws UnprocessableException the body is missing, blank or longer than {@value #MAX_BODY_CHARACTERS}
     *                                characters
     */
    PrivateNoteDocument add(Caller caller, String dealId, String body) {
        Deal deal = dealOf(caller, dealId);
        requireValid(body);
        PrivateNoteDocument note = new PrivateNoteDocument(UUID.randomUUID().toString(), deal.partnerId(),
                deal.id(), body, NoteAuthor.partnerUser(caller.id(), caller.name()), creationTimes.next());
        return mongo.insert(note);
    }

    /**
     * One page of the deal's notes, oldest first.
     *
     * @throws NotFoundException the deal is not one of the caller's partner's deals
     */
    ListResponse<PrivateNoteDocument> list(Caller caller, String dealId, Paging paging) {
        Deal deal = dealOf(caller, dealId);
        Query ofDeal = Query.query(Criteria.where("partnerId").is(deal.partnerId()).and("dealId").is(deal.id()));
        return MongoPages.find(mongo, ofDeal, OLDEST_FIRST, PrivateNoteDocument.class, paging);
    }

    /** A caller without a partner finds no deal (as on the deal endpoints), so another partner's deal is a 404. */
    private Deal dealOf(Caller caller, String dealId) {
        return deals.find(caller.partnerId(), dealId)
                .orElseThrow(() -> new NotFoundException("Deal " + dealId + " not found"));
    }

    /** Counts code points, not UTF-16 units: an emoji is one character to the person typing it. */
    private static void requireValid(String body) {
        if (body == null || body.isBlank()) {
            throw UnprocessableException.of("body", "must not be blank");
        }
        if (body.codePointCount(0, body.length()) > MAX_BODY_CHARACTERS) {
            throw UnprocessableException.of("body", "must be at most " + MAX_BODY_CHARACTERS + " characters");
        }
    }
}
