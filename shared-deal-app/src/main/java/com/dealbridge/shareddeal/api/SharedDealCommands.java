package com.dealbridge.shareddeal.api;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.ForbiddenException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DetailsChange;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.domain.SyncField;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The shared-deal edits both services offer (PATCH details/stage, PUT product interest): validates the input
 * (422), checks visibility (404) and the sync policy (409, nothing recorded or published), then hands the change
 * to the engine so it is saved with its event in one write.
 */
public class SharedDealCommands {

    static final int MAX_PRODUCTS = 50;

    private final SharedDeals sharedDeals;
    private final SharedDealQueries queries;
    private final ProductNames catalogue;
    private final PartnerCapacity capacity;
    private final CapacityLedger ledger;

    public SharedDealCommands(SharedDeals sharedDeals, SharedDealQueries queries, ProductNames catalogue,
                              PartnerCapacity capacity, CapacityLedger ledger) {
        this.ledger = ledger;
        this.sharedDeals = sharedDeals;
        this.queries = queries;
        this.catalogue = catalogue;
        this.capacity = capacity;
    }

    /**
     * The body of {@code PATCH /api/shared-deals/{id}}: every field optional, null means unchanged.
     * {@code amount} accepts a decimal string or a JSON number; {@code stage} is checked here so that an unknown
     * stage is a 422 naming the allowed values.
     */
    public record DealPatch(String dealName, BigDecimal amount, String currency, LocalDate closeDate, String stage,
                            Boolean partnerCompensationEligible, String introNote, String painOrOpportunity,
                            String nextSteps) {
    }

    public SharedDealView patch(Caller caller, String sharedDealId, DealPatch patch) {
        Actor actor = actor(caller);
        Stage stage = validate(patch);
        SharedDealDocument visible = queries.visible(caller, sharedDealId);
        SyncPolicy policy = sharedDeals.policy();
        // an UNAVAILABLE registration holds no slot, closed or open
        boolean reopening = stage != null && !stage.isClosed() && visible.deal().status().isClosed()
                && visible.deal().facts().createdRegistrationState().isRegistered()
                && claimCapacityToReopen(visible.deal());
        SharedDealDocument saved;
        try {
            saved = change(visible, patch, stage, policy, actor);
        } catch (RuntimeException refused) {
            if (reopening) {
                ledger.release(visible.deal().partnerId(), visible.deal().id().value());
            }
            throw refused;
        }
        return queries.views(List.of(saved)).get(0);
    }

    private SharedDealDocument change(SharedDealDocument visible, DealPatch patch, Stage stage, SyncPolicy policy,
                                      Actor actor) {
        return sharedDeals.change(visible.deal().id(), (document, clock) -> {
            SharedDeal deal = document.deal();
            // the qualifying fields are never edited after creation (by default): refused, not silently ignored
            checkEditable(policy, SyncField.INTRO_NOTE, patch.introNote(), deal.facts().introNote());
            checkEditable(policy, SyncField.PAIN_OR_OPPORTUNITY, patch.painOrOpportunity(), deal.facts().painOrOpportunity());
            checkEditable(policy, SyncField.NEXT_STEPS, patch.nextSteps(), deal.facts().nextSteps());
            // all checks first: a refused field leaves the whole patch unapplied
            deal.changeDetails(new DetailsChange(trim(patch.dealName()), patch.amount(), patch.currency(),
                    patch.closeDate()), policy, clock, actor);
            if (stage != null) {
                deal.changeStage(stage, policy, clock, actor);
            }
            if (patch.partnerCompensationEligible() != null) {
                deal.changeCompensationEligibility(patch.partnerCompensationEligible(), policy, clock, actor);
            }
        });
    }

    /** What this side may change under the running sync policy, for pages. */
    public EditRules editRules() {
        return EditRules.of(sharedDeals.policy(), sharedDeals.side());
    }

    public SharedDealView changeProductInterest(Caller caller, String sharedDealId, List<String> productIds) {
        Actor actor = actor(caller);
        if (productIds == null) {
            throw UnprocessableException.of("productIds", "must not be null (send [] for no product interest)");
        }
        if (productIds.size() > MAX_PRODUCTS) {
            throw UnprocessableException.of("productIds", "at most " + MAX_PRODUCTS + " products");
        }
        if (productIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw UnprocessableException.of("productIds", "must not contain blank ids");
        }
        Set<String> unknown = catalogue.unknown(productIds);
        if (!unknown.isEmpty()) {
            throw UnprocessableException.of("productIds", "unknown product(s) " + unknown);
        }
        SyncPolicy policy = sharedDeals.policy();
        SharedDealDocument saved = queries.changeVisible(caller, sharedDealId, (document, clock) ->
                document.deal().changeProductInterest(productIds, policy, clock, actor));
        return queries.views(List.of(saved)).get(0);
    }

    /**
     * Who acts: a partner user on the partner side, a CRM user on the CRM side. Admin tokens manage accounts; they
     * do not edit deals.
     */
    public Actor actor(Caller caller) {
        Origin side = sharedDeals.side();
        if (side == Origin.PARTNER && caller.isPartnerUser()) {
            return new Actor(ActorType.PARTNER_USER, caller.id(), caller.name());
        }
        if (side == Origin.CRM && caller.isCrmUser()) {
            return new Actor(ActorType.CRM_USER, caller.id(), caller.name());
        }
        throw new ForbiddenException("Only " + (side == Origin.PARTNER ? "partner users" : "sales reps")
                + " change shared deals here");
    }

    /**
     * Reopening a closed deal makes its domain registered again: refused (409) when that takes a slot the partner
     * does not have (a domain the partner still holds takes none). @return whether a claim was made
     */
    private boolean claimCapacityToReopen(SharedDeal deal) {
        OptionalInt limit = capacity.capacityLimit(deal.partnerId());
        if (limit.isEmpty()) {
            return false;
        }
        CapacityLedger.Claim claim = ledger.claim(deal.partnerId(), deal.id().value(),
                deal.facts().registeredDomain(), limit.getAsInt(), true, null);
        if (!claim.accepted()) {
            throw new ConflictException("Partner capacity reached", "Reopening deal " + deal.id() + " would exceed"
                    + " the partner's capacity limit of " + limit.getAsInt() + " registered domain(s)");
        }
        return true;
    }

    private void checkEditable(SyncPolicy policy, SyncField field, String wanted, String current) {
        if (wanted != null && !wanted.equals(current)) {
            policy.checkChange(field, sharedDeals.side());
            throw UnprocessableException.of(field.apiName(), "cannot be edited here");
        }
    }

    private static Stage validate(DealPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        if (patch.dealName() != null && (patch.dealName().isBlank()
                || patch.dealName().length() > Limits.DEAL_NAME_CHARS)) {
            errors.add(new FieldError("dealName", "must not be blank and at most " + Limits.DEAL_NAME_CHARS
                    + " characters"));
        }
        // Limits.amount only looks at signum, precision and scale: 1E+2000000 is refused without being expanded
        Limits.amount(patch.amount()).ifPresent(problem -> errors.add(new FieldError("amount", problem)));
        Limits.date(patch.closeDate()).ifPresent(problem -> errors.add(new FieldError("closeDate", problem)));
        if (patch.currency() != null && !Money.isCurrency(patch.currency())) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        }
        Stage stage = null;
        if (patch.stage() != null) {
            try {
                stage = Stage.valueOf(patch.stage());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("stage", "must be one of " + Arrays.toString(Stage.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The change is invalid; see 'errors'", errors);
        }
        return stage;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
