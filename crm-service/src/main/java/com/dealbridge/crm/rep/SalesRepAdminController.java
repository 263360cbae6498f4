package com.dealbridge.crm.rep;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin-only (the kit's filter guards {@code /admin/**}): creates reps and issues their tokens. */
@RestController
class SalesRepAdminController {

    record NewRepRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    /** The only answer that ever contains the token. */
    record IssuedRepResponse(String id, String name, String email, String token) {
    }

    private final SalesReps reps;

    SalesRepAdminController(SalesReps reps) {
        this.reps = reps;
    }

    @PostMapping("/admin/sales-reps")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedRepResponse create(@Valid @RequestBody NewRepRequest request) {
        SalesReps.IssuedRep issued = reps.create(request.name(), request.email());
        return new IssuedRepResponse(issued.rep().id(), issued.rep().name(), issued.rep().email(), issued.token());
    }
}
