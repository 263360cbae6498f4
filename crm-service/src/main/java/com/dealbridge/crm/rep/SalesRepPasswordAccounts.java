package com.dealbridge.crm.rep;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.PasswordAccounts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sales reps sign in to the CRM workspace's pages with their e-mail address and the password they chose through
 * the invitation link; this bean turns the kit's pages chain on for crm-service (ADR 0008).
 */
@Component
class SalesRepPasswordAccounts implements PasswordAccounts {

    private final SalesReps reps;

    SalesRepPasswordAccounts(SalesReps reps) {
        this.reps = reps;
    }

    @Override
    public List<PasswordAccount> findByEmail(String email) {
        return reps.activeByEmail(email).stream().map(rep -> new PasswordAccount(
                Caller.crmUser(rep.id(), rep.name(), rep.email()), rep.passwordHash())).toList();
    }

    @Override
    public boolean setPassword(String userId, String encodedPassword) {
        return reps.setPassword(userId, encodedPassword);
    }
}
