package com.dealbridge.kit.security;

import java.util.List;
import java.util.Set;

/**
 * Implemented by a service whose users sign in to pages with e-mail and password (a Spring bean). Its presence
 * turns the pages on: form sign-in at {@code /sign-in}, invitations at {@code /invitations/{token}}, and every
 * path outside the API for signed-in users only.
 */
public interface PasswordAccounts {

    /**
     * The accounts with this e-mail address (case-insensitive). Usually one; an address used by users of two
     * partners gives two, and the password decides which one signs in.
     */
    List<PasswordAccount> findByEmail(String email);

    /** Stores the user's encoded password. @return false when there is no such user */
    boolean setPassword(String userId, String encodedPassword);

    /**
     * @param encodedPassword as the encoder wrote it; null while the user has not accepted the invitation
     * @param authorities     granted to the signed-in session besides {@code ROLE_USER} (e.g. a service's
     *                        {@code ROLE_WORKSPACE_ADMIN} for its admin pages); never opens the bearer-token API
     */
    record PasswordAccount(Caller caller, String encodedPassword, Set<String> authorities) {

        public PasswordAccount {
            authorities = authorities == null ? Set.of() : Set.copyOf(authorities);
            // the admin token's role is the token's alone: a password never becomes it
            if (authorities.contains("ROLE_" + CallerAuthentication.ADMIN)) {
                throw new IllegalArgumentException("a password account cannot carry the admin token's role");
            }
        }

        /** An account with no authorities beyond a signed-in user's. */
        public PasswordAccount(Caller caller, String encodedPassword) {
            this(caller, encodedPassword, Set.of());
        }
    }
}
