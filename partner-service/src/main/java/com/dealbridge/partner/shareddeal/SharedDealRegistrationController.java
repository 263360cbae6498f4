package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.sync.api.SharedDealQueries;
import com.dealbridge.sync.api.SharedDealView;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner user registers a lead as a shared deal. */
@RestController
@RequestMapping("/api/shared-deals")
class SharedDealRegistrationController {

    private final SharedDealRegistrations registrations;
    private final SharedDealQueries queries;

    SharedDealRegistrationController(SharedDealRegistrations registrations, SharedDealQueries queries) {
        this.registrations = registrations;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<SharedDealView> register(Caller caller, @Valid @RequestBody RegistrationRequest request) {
        SharedDealView view = queries.views(List.of(registrations.register(caller, request))).get(0);
        return ResponseEntity.created(URI.create("/api/shared-deals/" + view.id())).body(view);
    }
}
