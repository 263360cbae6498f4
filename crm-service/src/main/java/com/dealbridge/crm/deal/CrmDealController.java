package com.dealbridge.crm.deal;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** CRM deals; every rep sees every deal. */
@RestController
@RequestMapping("/api/deals")
class CrmDealController {

    /**
     * {@code amount} accepts a decimal string or a JSON number; {@code stage} is checked by the service so that an
     * unknown stage is a 422 naming the allowed values rather than an unreadable body. {@code ownerId}: a sales rep;
     * absent, the rep who creates it (none when the admin token does).
     */
    record NewCrmDealRequest(@NotBlank @Size(max = 200) String name,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
            @NotNull LocalDate closeDate,
            @NotBlank String stage,
            @Size(max = 100) List<@NotBlank String> contactIds,
            @Size(max = 100) List<@NotBlank String> companyIds,
            @Size(max = 100) String ownerId) {
    }

    /**
     * @param pipeline {@code default} for the CRM's own deals; a shared deal's (from a partner's registration, or
     *                 converted) is in {@code dealbridge.crm.shared-deals.default-pipeline}, {@code partner-deals}
     *                 unless configured
     * @param ownerId  the sales rep who owns the deal (a shared deal's: its assigned rep); null: no one
     */
    record CrmDealView(String id, String name, String amount, String currency, LocalDate closeDate, String stage,
            List<String> contactIds, List<String> companyIds, String sharedDealId, Instant createdAt,
            String pipeline, String ownerId) {

        static CrmDealView of(CrmDeal deal) {
            return new CrmDealView(deal.id(), deal.name(), Money.format(deal.amount()), deal.currency(),
                    deal.closeDate(), deal.stage(), deal.contactIds(), deal.companyIds(), deal.sharedDealId(),
                    deal.createdAt(), deal.pipeline(), deal.ownerId());
        }
    }

    /** A change of a deal that is not shared; absent fields stay as they are. */
    record CrmDealPatch(String name, BigDecimal amount, LocalDate closeDate, String stage, String ownerId) {
    }

    private final CrmDeals deals;
    private final CrmDealEdits edits;

    CrmDealController(CrmDeals deals, CrmDealEdits edits) {
        this.deals = deals;
        this.edits = edits;
    }

    /** Creates a CRM deal (not shared until a rep converts it). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CrmDealView create(Caller caller, @Valid @RequestBody NewCrmDealRequest request) {
        String ownerId = request.ownerId() != null ? request.ownerId() : caller.isCrmUser() ? caller.id() : null;
        return CrmDealView.of(deals.create(new NewCrmDeal(request.name(), request.amount(), request.currency(),
                request.closeDate(), request.stage(), request.contactIds(), request.companyIds(), ownerId)));
    }

    /** One CRM deal, with its shared deal if it was converted. */
    @GetMapping("/{id}")
    CrmDealView get(@PathVariable String id) {
        return CrmDealView.of(deals.find(id).orElseThrow(() -> new NotFoundException("Deal " + id + " not found")));
    }

    /**
     * Changes a deal that is not shared (name, amount, close date, stage, owner); a shared deal is changed through
     * {@code PATCH /api/shared-deals/{id}} (409 here); invalid fields 422.
     */
    @PatchMapping("/{id}")
    CrmDealView update(@PathVariable String id, @RequestBody CrmDealPatch patch) {
        return CrmDealView.of(edits.update(id, new CrmDealChange(patch.name(), patch.amount(), patch.closeDate(),
                patch.stage(), patch.ownerId())));
    }

    /**
     * Newest first; {@code page} (from 0) of {@code size} (default 100, at most 500); {@code ownerId}: only the
     * deals that sales rep owns.
     */
    @GetMapping
    ListResponse<CrmDealView> list(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String ownerId) {
        return deals.list(Paging.of(page, size), null, null, ownerId).map(CrmDealView::of);
    }
}
