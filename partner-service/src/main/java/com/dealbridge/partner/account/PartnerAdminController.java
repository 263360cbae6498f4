package com.dealbridge.partner.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin-only (the kit's filter guards {@code /admin/**}): creates partners and issues user tokens. */
@RestController
@RequestMapping("/admin/partners")
class PartnerAdminController {

    record NewPartnerRequest(@NotBlank @Size(max = 200) String name, @NotNull @PositiveOrZero Integer capacityLimit) {
    }

    record PartnerResponse(String id, String name, int capacityLimit) {
    }

    record NewUserRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    /** The only answer that ever contains the token. */
    record IssuedUserResponse(String id, String partnerId, String name, String email, String token) {
    }

    private final PartnerAccounts accounts;

    PartnerAdminController(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerResponse create(@Valid @RequestBody NewPartnerRequest request) {
        Partner partner = accounts.create(request.name(), request.capacityLimit());
        return new PartnerResponse(partner.id(), partner.name(), partner.capacityLimit());
    }

    @PostMapping("/{partnerId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedUserResponse addUser(@PathVariable String partnerId, @Valid @RequestBody NewUserRequest request) {
        PartnerAccounts.IssuedUser issued = accounts.addUser(partnerId, request.name(), request.email());
        PartnerUser user = issued.user();
        return new IssuedUserResponse(user.id(), user.partnerId(), user.name(), user.email(), issued.token());
    }
}
