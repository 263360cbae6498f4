package com.dealbridge.crm.rep;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.CallerResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Authenticates sales reps: one unique-index lookup by token hash per request. */
@Component
class SalesRepCallerResolver implements CallerResolver {

    private final SalesReps reps;

    SalesRepCallerResolver(SalesReps reps) {
        this.reps = reps;
    }

    @Override
    public Optional<Caller> resolve(String tokenHash) {
        return reps.activeByTokenHash(tokenHash).map(rep -> Caller.crmUser(rep.id(), rep.name(), rep.email()));
    }
}
