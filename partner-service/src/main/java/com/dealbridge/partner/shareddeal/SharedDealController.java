package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealEndpoints;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import com.dealbridge.shareddeal.live.LiveDealPages;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/shared-deals} on the partner side: the endpoints both sides share, plus registering a lead and
 * withdrawing a registration, which only partners do.
 */
@RestController
@RequestMapping("/api/shared-deals")
class SharedDealController extends SharedDealEndpoints {

    private final SharedDealRegistrations registrations;
    private final SharedDealQueries queries;

    SharedDealController(SharedDealQueries queries, SharedDealCommands commands, LiveDealPages live,
                         SharedDealRegistrations registrations) {
        super(queries, commands, live);
        this.registrations = registrations;
        this.queries = queries;
    }

    // springdoc does not find the Javadoc of this subclass's own methods: @Operation says it instead.
    // The entity's 201 is what is answered; @ResponseStatus is what the OpenAPI document reads.
    @Operation(description = "A partner user registers a lead as a shared deal: 201 with the shared deal, synced to"
            + " the CRM, which assigns a rep. At the partner's capacity limit → 409.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<SharedDealView> register(Caller caller, @Valid @RequestBody RegistrationRequest request) {
        SharedDealView view = queries.views(List.of(registrations.register(caller, request))).get(0);
        return ResponseEntity.created(URI.create("/api/shared-deals/" + view.id())).body(view);
    }

    @Operation(description = "A partner user withdraws a registration: synced to the CRM, frees a capacity slot on"
            + " both sides. Withdrawing again answers 204 and changes nothing; a closed deal cannot be withdrawn (409).")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String id, @RequestParam(required = false) String reason) {
        registrations.withdraw(caller, id, reason);
    }
}
