package com.dealbridge.crm.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The workspace's admins: sales reps created with {@code admin: true}. Their page session holds {@link #AUTHORITY}
 * besides a rep's, which opens the {@link WorkspaceAdminPage admin pages}; the {@code /admin/**} API stays the admin
 * token's alone (it is another security chain, stateless, that never reads the session).
 */
public final class WorkspaceAdmin {

    public static final String AUTHORITY = "ROLE_WORKSPACE_ADMIN";

    private WorkspaceAdmin() {
    }

    /** Whether the request being handled on this thread was signed in by a workspace admin. */
    public static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
                .stream().anyMatch(authority -> AUTHORITY.equals(authority.getAuthority()));
    }
}
