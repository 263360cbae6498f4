package com.dealbridge.crm.registration;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration decisions on crm-service: a rep's on {@code /api/shared-deals/{id}/registration/*} (approve or
 * reject a PENDING registration, extend the expiry), a CRM admin's on {@code /admin/shared-deals/{id}/registration/*}
 * (release or reject an UNAVAILABLE one; the kit's filter guards {@code /admin/**}). Each answers the shared deal as
 * it is now; an illegal transition is a 409.
 */
@RestController
class RegistrationDecisionController {

    /** Optional words on a decision. */
    record Decision(@Size(max = 2000) String reason) {
    }

    /** A rejection: the program's reason code (upper case, e.g. DUPLICATE, INVALID_DATA) and optional words. */
    record Rejection(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*",
            message = "is an upper-case code such as DUPLICATE or INVALID_DATA") String reasonCode,
                     @Size(max = 2000) String reason) {
    }

    /** An extension: the new expiry, later than the current one. */
    record Extension(@NotNull @Future Instant expiresAt, @Size(max = 2000) String reason) {
    }

    private final RegistrationDecisions decisions;

    RegistrationDecisionController(RegistrationDecisions decisions) {
        this.decisions = decisions;
    }

    /** A rep approves a PENDING registration: REGISTERED, expiring after the program's days. 409 from any other state. */
    @PostMapping("/api/shared-deals/{id}/registration/approve")
    SharedDealView approve(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false)
            Decision decision) {
        return decisions.approve(caller, id, decision == null ? null : decision.reason());
    }

    /** A rep rejects a PENDING (or UNAVAILABLE) registration with the program's reason code: REJECTED, freeing its domain. */
    @PostMapping("/api/shared-deals/{id}/registration/reject")
    SharedDealView reject(Caller caller, @PathVariable String id, @Valid @RequestBody Rejection rejection) {
        return decisions.reject(caller, id, rejection.reasonCode(), rejection.reason());
    }

    /** A rep moves a REGISTERED registration's expiry later; the partner is reminded again before the new date. */
    @PostMapping("/api/shared-deals/{id}/registration/extend")
    SharedDealView extend(Caller caller, @PathVariable String id, @Valid @RequestBody Extension extension) {
        return decisions.extend(caller, id, extension.expiresAt(), extension.reason());
    }

    /**
     * A CRM admin releases an UNAVAILABLE registration: REGISTERED, taking its domain and a capacity slot (409 when the
     * partner has none left, or from any other state).
     */
    @PostMapping("/admin/shared-deals/{id}/registration/release")
    SharedDealView release(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false)
            Decision decision) {
        return decisions.release(caller, id, decision == null ? null : decision.reason());
    }

    /** A CRM admin rejects an UNAVAILABLE (or PENDING) registration with the program's reason code: REJECTED. */
    @PostMapping("/admin/shared-deals/{id}/registration/reject")
    SharedDealView adminReject(Caller caller, @PathVariable String id, @Valid @RequestBody Rejection rejection) {
        return decisions.reject(caller, id, rejection.reasonCode(), rejection.reason());
    }
}
