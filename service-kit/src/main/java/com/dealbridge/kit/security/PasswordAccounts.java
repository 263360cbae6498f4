package com.dealbridge.kit.security;

import java.util.List;

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

    /** @param encodedPassword as the encoder wrote it; null while the user has not accepted the invitation */
    record PasswordAccount(Caller caller, String encodedPassword) {
    }
}
