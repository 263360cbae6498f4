package com.dealbridge.crm.deal;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Stage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Edits of the CRM's own deals, those not shared with a partner: for {@code PATCH /api/deals/{id}} and the deal
 * page's form alike. A shared deal's details and stage belong to the shared deal (its sync policy decides who may
 * change what), so they are refused here.
 */
@Service
public class CrmDealEdits {

    private final MongoOperations mongo;
    private final CrmDeals deals;

    CrmDealEdits(MongoOperations mongo, CrmDeals deals) {
        this.mongo = mongo;
        this.deals = deals;
    }

    /**
     * Changes a deal that is not shared: its name, amount, close date, stage and owner (a shared deal's are the
     * shared deal's, changed through it and mirrored here; its owner is its assigned rep). Nothing is changed when any field is invalid.
     *
     * @throws UnprocessableException listing every invalid field, with the rules of {@link CrmDeals#create}
     * @throws ConflictException      the deal is shared (also when it was converted while this was decided)
     * @throws NotFoundException      no such deal
     */
    public CrmDeal update(String id, CrmDealChange change) {
        CrmDeal deal = deals.find(id).orElseThrow(() -> new NotFoundException("Deal " + id + " not found"));
        if (deal.isShared()) {
            throw sharedDeal(id, deal.sharedDealId());
        }
        List<FieldError> errors = problems(change);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The change is invalid; see 'errors'", errors);
        }
        Update update = new Update().set("updatedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (change.name() != null) {
            update.set("name", change.name().strip());
        }
        if (change.amount() != null) {
            update.set("amount", Money.format(change.amount()));
        }
        if (change.closeDate() != null) {
            update.set("closeDate", change.closeDate().toString());
        }
        if (change.stage() != null) {
            update.set("stage", change.stage());
        }
        if (change.ownerId() != null) {
            update.set("ownerId", change.ownerId());
        }
        // only while still not shared: a conversion linking the deal meanwhile wins, and this change is refused
        CrmDealDocument changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)
                        .and("sharedDealId").is(null)), update, FindAndModifyOptions.options().returnNew(true),
                CrmDealDocument.class);
        if (changed == null) {
            throw sharedDeal(id, deals.find(id).map(CrmDeal::sharedDealId).orElse(null));
        }
        return deals.find(id).orElseThrow();
    }

    /** What is wrong with a change, each naming its field; empty when it may be saved. */
    public List<FieldError> problems(CrmDealChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.name() != null && (change.name().isBlank() || change.name().strip().length() > 200)) {
            errors.add(new FieldError("name", "must not be blank, at most 200 characters"));
        }
        if (change.amount() != null) {
            Limits.amount(change.amount()).ifPresent(problem -> errors.add(new FieldError("amount", problem)));
        }
        if (change.closeDate() != null) {
            Limits.date(change.closeDate()).ifPresent(problem -> errors.add(new FieldError("closeDate", problem)));
        }
        if (change.stage() != null && !CrmDeals.isStage(change.stage())) {
            errors.add(new FieldError("stage", "must be one of " + Arrays.toString(Stage.values())));
        }
        deals.ownerProblem(change.ownerId()).ifPresent(errors::add);
        return errors;
    }

    private static ConflictException sharedDeal(String id, String sharedDealId) {
        return new ConflictException("Deal " + id + " is shared as " + sharedDealId
                + ": change it through the shared deal (PATCH /api/shared-deals/" + sharedDealId + ")");
    }
}
