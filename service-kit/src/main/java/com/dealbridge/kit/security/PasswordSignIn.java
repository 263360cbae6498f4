package com.dealbridge.kit.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The pages' sign-in: e-mail and password checked against the service's {@link PasswordAccounts}, with the
 * address locked after repeated failures ({@link SignInFailures}). Every refusal but the lock is the same
 * {@link BadCredentialsException}, whether the address is unknown, has no password yet or the password is wrong.
 */
final class PasswordSignIn implements AuthenticationProvider {

    private final ObjectProvider<PasswordAccounts> accounts;
    private final PasswordEncoder encoder;
    private final SignInFailures failures;
    /** Checked when no account has a password, so an unknown address takes as long as a wrong password. */
    private final String decoy;

    PasswordSignIn(ObjectProvider<PasswordAccounts> accounts, PasswordEncoder encoder, SignInFailures failures) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.failures = failures;
        this.decoy = encoder.encode("decoy password that nobody has");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal()).trim();
        String password = String.valueOf(authentication.getCredentials());
        if (email.isEmpty() || password.length() > SignInProperties.MAX_PASSWORD_LENGTH) {
            throw new BadCredentialsException("bad credentials");
        }
        if (failures.locked(email)) {
            throw new LockedException("too many failed sign-ins");
        }
        boolean checked = false;
        for (PasswordAccounts.PasswordAccount account : accounts.getObject().findByEmail(email)) {
            if (account.encodedPassword() == null) {
                continue;
            }
            checked = true;
            if (encoder.matches(password, account.encodedPassword())) {
                failures.succeeded(email);
                return new CallerAuthentication(account.caller(), account.authorities());
            }
        }
        if (!checked) {
            encoder.matches(password, decoy);
        }
        failures.failed(email);
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
