package com.dealbridge.crm.partner;

import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The partners the CRM knows from the compacted accounts topic. A read model: only the listener writes it, and
 * an older revision never overwrites a newer one (redelivery, the partner side's republish at start-up).
 */
@Service
public class PartnerDirectory {

    private static final Logger log = LoggerFactory.getLogger(PartnerDirectory.class);

    private final MongoOperations mongo;

    PartnerDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownPartner> find(String partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(partnerId, KnownPartnerDocument.class))
                .map(KnownPartnerDocument::toPartner);
    }

    /** One page of the known partners, by name. */
    ListResponse<KnownPartner> all(Paging paging) {
        return MongoPages.find(mongo, new Query(), Sort.by("name", "_id"), KnownPartnerDocument.class, paging)
                .map(KnownPartnerDocument::toPartner);
    }

    /**
     * Stores the partner unless a revision at least as new is stored. One atomic upsert: when the filter (same
     * id, older revision) matches nothing because a newer revision exists, the insert collides on the id.
     *
     * @return whether the partner was stored
     */
    boolean apply(KnownPartner partner, Instant changedAt) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(partner.id()).and("revision").lt(partner.revision()));
        Update update = new Update()
                .set("name", partner.name())
                .set("capacityLimit", partner.capacityLimit())
                .set("users", partner.users())
                .set("notificationRecipientUserId", partner.notificationRecipientUserId())
                .set("notifyRegisteredLeadActivity", partner.notifyRegisteredLeadActivity())
                .set("revision", partner.revision())
                .set("changedAt", changedAt);
        try {
            mongo.upsert(olderOrMissing, update, KnownPartnerDocument.class);
            return true;
        } catch (DuplicateKeyException e) {
            log.debug("ignored partner {} revision {}: a newer one is stored", partner.id(), partner.revision());
            return false;
        }
    }
}
