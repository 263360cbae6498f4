package com.dealbridge.partner.account;

import com.dealbridge.shareddeal.api.PartnerCapacity;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/** The partner's capacity limit from its account, for the shared-deal edits of the sync engine. */
@Component
class AccountCapacity implements PartnerCapacity {

    private final PartnerAccounts accounts;

    AccountCapacity(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OptionalInt capacityLimit(String partnerId) {
        return accounts.find(partnerId).map(partner -> OptionalInt.of(partner.capacityLimit()))
                .orElse(OptionalInt.empty());
    }
}
