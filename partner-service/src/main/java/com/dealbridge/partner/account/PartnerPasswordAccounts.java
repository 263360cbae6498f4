package com.dealbridge.partner.account;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.PasswordAccounts;
import java.util.List;
import org.springframework.stereotype.Component;

/** Partner users sign in to the portal's pages with their e-mail address and the password they chose. */
@Component
class PartnerPasswordAccounts implements PasswordAccounts {

    private final PartnerAccounts accounts;

    PartnerPasswordAccounts(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<PasswordAccount> findByEmail(String email) {
        return accounts.usersByEmail(email).stream().map(user -> new PasswordAccount(
                Caller.partnerUser(user.id(), user.partnerId(), user.name(), user.email()), user.passwordHash()))
                .toList();
    }

    @Override
    public boolean setPassword(String userId, String encodedPassword) {
        return accounts.setPassword(userId, encodedPassword);
    }
}
