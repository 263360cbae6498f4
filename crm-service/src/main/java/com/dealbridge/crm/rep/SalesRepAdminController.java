package com.dealbridge.crm.rep;

import com.dealbridge.kit.security.Invitations;
import com.dealbridge.kit.web.NotFoundException;
import jakarta.validation.Valid;
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

    /**
     * The only answers that ever contain the token: when a rep is created, and when the token is replaced. A new
     * rep's answer also holds the one-time link to the page that sets the rep's password for the workspace.
     */
    record IssuedRepResponse(String id, String name, String email, boolean admin, String token,
                             Instant tokenExpiresAt, String invitationUrl, Instant invitationExpiresAt) {

        static IssuedRepResponse of(SalesReps.IssuedRep issued, Invitations.Invitation invitation) {
            return new IssuedRepResponse(issued.rep().id(), issued.rep().name(), issued.rep().email(),
                    issued.rep().admin(), issued.token().token(), issued.token().expiresAt(),
                    invitation == null ? null : invitation.url(), invitation == null ? null : invitation.expiresAt());
        }
    }

    record InvitationResponse(String repId, String invitationUrl, Instant invitationExpiresAt) {
    }

    private final SalesReps reps;
    private final Invitations invitations;
    private final NewReps newReps;

    SalesRepAdminController(SalesReps reps, Invitations invitations, NewReps newReps) {
        this.reps = reps;
        this.invitations = invitations;
        this.newReps = newReps;
    }

    /**
     * Adds a sales rep to the assignment rotation (with {@code admin: true} also an admin of the workspace's
     * pages); the answer holds the rep's token, shown only this once.
     */
    @PostMapping("/admin/sales-reps")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedRepResponse create(@Valid @RequestBody NewReps.NewRepRequest request) {
        NewReps.Enrolled enrolled = newReps.enrol(request);
        return IssuedRepResponse.of(enrolled.issued(), enrolled.invitation());
    }

    /** A new token for the rep (lost, leaked, about to expire); the old one is refused from now on. */
    @PostMapping("/admin/sales-reps/{repId}/token")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedRepResponse replaceToken(@PathVariable String repId) {
        return IssuedRepResponse.of(reps.replaceToken(repId), null);
    }

    /** A new invitation link for the rep (the last one expired or got lost); earlier links stop working. */
    @PostMapping("/admin/sales-reps/{repId}/invitation")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@PathVariable String repId) {
        SalesRep rep = reps.find(repId).orElseThrow(() -> new NotFoundException("Sales rep " + repId + " not found"));
        Invitations.Invitation invitation = invitations.issue(rep.id());
        return new InvitationResponse(rep.id(), invitation.url(), invitation.expiresAt());
    }

    /** The rep's token is refused from now on, until the admin issues a new one. */
    @DeleteMapping("/admin/sales-reps/{repId}/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String repId) {
        reps.revokeToken(repId);
    }
}
