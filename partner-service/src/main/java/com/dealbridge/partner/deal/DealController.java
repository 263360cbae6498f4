package com.dealbridge.partner.deal;

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
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deals of the caller's partner, with their registration state. */
@RestController
@RequestMapping("/api/deals")
class DealController {

    /** {@code amount} accepts a decimal string ({@code "12000.00"}) or a JSON number. */
    record NewDealRequest(@NotBlank @Size(max = 200) String name,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
            @NotNull LocalDate closeDate,
            @Size(max = 100) List<@NotBlank String> contactIds,
            @Size(max = 100) List<@NotBlank String> companyIds) {
    }

    private final Deals deals;
    private final DealRegistrations registrations;
    private final DealListing listing;

    DealController(Deals deals, DealRegistrations registrations, DealListing listing) {
        this.deals = deals;
        this.registrations = registrations;
        this.listing = listing;
    }

    /** Creates a deal of the partner's own (not shared until it is registered). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DealView create(Caller caller, @Valid @RequestBody NewDealRequest request) {
        Deal deal = deals.create(caller.partnerId(), new NewDeal(request.name(), request.amount(),
                request.currency(), request.closeDate(), request.contactIds(), request.companyIds()));
        return DealView.of(deal, DealView.Registration.NONE);
    }

    /** One of the partner's deals. */
    @GetMapping("/{id}")
    DealView get(Caller caller, @PathVariable String id) {
        Deal deal = deals.find(caller.partnerId(), id)
                .orElseThrow(() -> new NotFoundException("Deal " + id + " not found"));
        return registrations.views(List.of(deal)).get(0);
    }

    /**
     * All deals, newest first; {@code activeDealRegistrations=1} only those with an active registration (the
     * tracking view), {@code =0} only those without; {@code name} only those whose name contains it (any case);
     * {@code page} (from 0) of {@code size} (default 100, at most 500).
     */
    @GetMapping
    ListResponse<DealView> list(Caller caller, @RequestParam(required = false) Integer activeDealRegistrations,
                                @RequestParam(required = false) @Size(max = 200) String name,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return listing.list(caller.partnerId(), activeDealRegistrations, name, Paging.of(page, size));
    }
}
