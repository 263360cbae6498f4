package com.dealbridge.partner.account;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.CallerResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Authenticates partner users: one unique-index lookup by token hash per request. */
@Component
class PartnerUserCallerResolver implements CallerResolver {

    private final PartnerAccounts accounts;

    PartnerUserCallerResolver(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Caller> resolve(String tokenHash) {
        return accounts.userByTokenHash(tokenHash)
                .map(user -> Caller.partnerUser(user.id(), user.partnerId(), user.name(), user.email()));
    }
}
