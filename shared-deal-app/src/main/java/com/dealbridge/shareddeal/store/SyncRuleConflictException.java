package com.dealbridge.shareddeal.store;

import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.shareddeal.domain.SyncRuleViolation;

/** A local change the sync rules do not allow on this side: 409, nothing recorded, nothing published. */
public class SyncRuleConflictException extends ConflictException {

    public SyncRuleConflictException(SyncRuleViolation violation) {
        super("Not allowed by the sync policy", violation.getMessage());
    }
}
