package com.dealbridge.crm.rep;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin-only (the kit's filter guards {@code /admin/**}): creates reps and issues their tokens. */
@RestController
class SalesRepAdminController {

    record NewRepRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    /** The only answers that ever contain the token: when a rep is created, and when the token is replaced. */
    record IssuedRepResponse(String id, String name, String email, String token, Instant tokenExpiresAt) {

        static IssuedRepResponse of(SalesReps.IssuedRep issued) {
            return new IssuedRepResponse(issued.rep().id(), issued.rep().name(), issued.rep().email(),
                    issued.token().token(), issued.token().expiresAt());
        }
    }

    private final SalesReps reps;

    SalesRepAdminController(SalesReps reps) {
        this.reps = reps;
    }

    /** Adds a sales rep to the assignment rotation; the answer holds the rep's token, shown only this once. */
    @PostMapping("/admin/sales-reps")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedRepResponse create(@Valid @RequestBody NewRepRequest request) {
        return IssuedRepResponse.of(reps.create(request.name(), request.email()));
    }

    /** A new token for the rep (lost, leaked, about to expire); the old one is refused from now on. */
    @PostMapping("/admin/sales-reps/{repId}/token")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedRepResponse replaceToken(@PathVariable String repId) {
        return IssuedRepResponse.of(reps.replaceToken(repId));
    }

    /** The rep's token is refused from now on, until the admin issues a new one. */
    @DeleteMapping("/admin/sales-reps/{repId}/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String repId) {
        reps.revokeToken(repId);
    }
}
