package com.dealbridge.crm.conversion;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @PostMapping("/api/deals/{dealId}/convert-to-shared")
    ResponseEntity<SharedDealView> convert(Caller caller, @PathVariable String dealId,
            @RequestBody ConvertRequest request) {
        SharedDealView view = queries.views(List.of(conversions.convert(caller, dealId, request))).get(0);
        return ResponseEntity.created(URI.create("/api/shared-deals/" + view.id())).body(view);
    }
}
