package com.dealbridge.crm.conversion;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A rep converts an existing CRM deal into a shared deal for a partner. */
@RestController
class ConversionController {

    private final Conversions conversions;
    private final SharedDealQueries queries;

    ConversionController(Conversions conversions, SharedDealQueries queries) {
        this.conversions = conversions;
        this.queries = queries;
    }

    /**
     * A rep shares a CRM deal with a partner ("Convert to shared deal"): 201 with the shared deal; the partner is
     * at capacity, the deal has no company or contact, or the contact was not confirmed → 409 or 422.
     */
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document reads; the entity's 201 is what is answered
    @PostMapping("/api/deals/{dealId}/convert-to-shared")
    ResponseEntity<SharedDealView> convert(Caller caller, @PathVariable String dealId,
            @RequestBody ConvertRequest request) {
        SharedDealView view = queries.views(List.of(conversions.convert(caller, dealId, request))).get(0);
        return ResponseEntity.created(URI.create("/api/shared-deals/" + view.id())).body(view);
    }
}
