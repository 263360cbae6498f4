package com.dealbridge.crm.partner;

import com.dealbridge.shareddeal.api.PartnerCapacity;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/** The partner's capacity limit as last published on the accounts topic, for the sync engine's shared-deal edits. */
@Component
class KnownPartnerCapacity implements PartnerCapacity {

    private final PartnerDirectory directory;

    KnownPartnerCapacity(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public OptionalInt capacityLimit(String partnerId) {
        return directory.find(partnerId).map(partner -> OptionalInt.of(partner.capacityLimit()))
                .orElse(OptionalInt.empty());
    }
}
