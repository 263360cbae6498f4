package com.dealbridge.partner.account;

import com.dealbridge.kit.security.Invitations;
import com.dealbridge.kit.web.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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

    /** More active registrations than any partner could work on: a typo, not a limit. */
    static final int MAX_CAPACITY_LIMIT = 100_000;

    record NewPartnerRequest(@NotBlank @Size(max = 200) String name,
            @NotNull @PositiveOrZero @Max(MAX_CAPACITY_LIMIT) Integer capacityLimit) {
    }

    record PartnerResponse(String id, String name, int capacityLimit) {
    }

    record NewUserRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    /**
     * The only answers that ever contain the token: when a user is added, and when the token is replaced. A new
     * user's answer also holds the one-time link that sets the user's password for the portal's pages.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IssuedUserResponse(String id, String partnerId, String name, String email, String token,
                              Instant tokenExpiresAt, String invitationUrl, Instant invitationExpiresAt) {

        static IssuedUserResponse of(PartnerAccounts.IssuedUser issued, Invitations.Invitation invitation) {
            PartnerUser user = issued.user();
            return new IssuedUserResponse(user.id(), user.partnerId(), user.name(), user.email(),
                    issued.token().token(), issued.token().expiresAt(),
                    invitation == null ? null : invitation.url(), invitation == null ? null : invitation.expiresAt());
        }
    }

    private final PartnerAccounts accounts;
    private final Invitations invitations;

    PartnerAdminController(PartnerAccounts accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    /** Adds a partner with its capacity limit (active deal registrations at a time); published to the CRM. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerResponse create(@Valid @RequestBody NewPartnerRequest request) {
        Partner partner = accounts.create(request.name(), request.capacityLimit());
        return new PartnerResponse(partner.id(), partner.name(), partner.capacityLimit());
    }

    /** Adds a user to a partner; the answer holds the user's token, shown only this once. */
    @PostMapping("/{partnerId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedUserResponse addUser(@PathVariable String partnerId, @Valid @RequestBody NewUserRequest request) {
        PartnerAccounts.IssuedUser issued = accounts.addUser(partnerId, request.name(), request.email());
        return IssuedUserResponse.of(issued, invitations.issue(issued.user().id()));
    }

    /** A new invitation link for the user (the last one expired or got lost); earlier links stop working. */
    @PostMapping("/{partnerId}/users/{userId}/invitation")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@PathVariable String partnerId, @PathVariable String userId) {
        PartnerUser user = accounts.user(partnerId, userId)
                .orElseThrow(() -> new NotFoundException("Partner " + partnerId + " has no user " + userId));
        Invitations.Invitation invitation = invitations.issue(user.id());
        return new InvitationResponse(user.id(), invitation.url(), invitation.expiresAt());
    }

    record InvitationResponse(String userId, String invitationUrl, Instant invitationExpiresAt) {
    }

    /** A new token for the user (lost, leaked, about to expire); the old one is refused from now on. */
    @PostMapping("/{partnerId}/users/{userId}/token")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedUserResponse replaceToken(@PathVariable String partnerId, @PathVariable String userId) {
        return IssuedUserResponse.of(accounts.replaceToken(partnerId, userId), null);
    }

    /** The user's token is refused from now on, until the admin issues a new one. */
    @DeleteMapping("/{partnerId}/users/{userId}/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String partnerId, @PathVariable String userId) {
        accounts.revokeToken(partnerId, userId);
    }
}
