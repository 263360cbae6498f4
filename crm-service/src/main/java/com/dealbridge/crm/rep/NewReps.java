package com.dealbridge.crm.rep;

import com.dealbridge.kit.security.Invitations;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Component;

/**
 * Adds a rep and issues the one-time link that sets the rep's password: what {@code POST /admin/sales-reps} and
 * the *Sales reps* admin page both do.
 */
@Component
class NewReps {

    /** @param admin optional, false when absent: also an admin of the workspace's pages */
    record NewRepRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
                         Boolean admin) {

        public boolean isAdmin() {
            return Boolean.TRUE.equals(admin);
        }
    }

    /** The new rep with its token (shown once) and its invitation. */
    record Enrolled(SalesReps.IssuedRep issued, Invitations.Invitation invitation) {
    }

    private final SalesReps reps;
    private final Invitations invitations;

    NewReps(SalesReps reps, Invitations invitations) {
        this.reps = reps;
        this.invitations = invitations;
    }

    /** @throws com.dealbridge.kit.web.ConflictException a rep with this e-mail (case-insensitive) exists */
    Enrolled enrol(NewRepRequest request) {
        SalesReps.IssuedRep issued = reps.create(request.name(), request.email(), request.isAdmin());
        return new Enrolled(issued, invitations.issue(issued.rep().id()));
    }
}
