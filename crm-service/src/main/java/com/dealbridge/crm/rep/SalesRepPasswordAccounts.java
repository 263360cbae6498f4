package com.dealbridge.crm.rep;

import com.dealbridge.crm.workspace.WorkspaceAdmin;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.PasswordAccounts;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sales reps sign in to the CRM workspace's pages with their e-mail address and the password they chose through
 * the invitation link; this bean turns the kit's pages chain on for crm-service (ADR 0008). An admin rep's session
 * also holds {@link WorkspaceAdmin#AUTHORITY}, which opens the workspace's admin pages.
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
                Caller.crmUser(rep.id(), rep.name(), rep.email()), rep.passwordHash(),
                rep.isAdmin() ? Set.of(WorkspaceAdmin.AUTHORITY) : Set.of())).toList();
    }

    @Override
    public boolean setPassword(String userId, String encodedPassword) {
        return reps.setPassword(userId, encodedPassword);
    }
}
