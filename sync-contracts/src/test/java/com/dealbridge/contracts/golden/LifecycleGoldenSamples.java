package com.dealbridge.contracts.golden;

import static com.dealbridge.contracts.golden.GoldenSampleFactory.MARCUS;
import static com.dealbridge.contracts.golden.GoldenSampleFactory.PRIYA;
import static com.dealbridge.contracts.golden.GoldenSampleFactory.PRODUCT_HELPDESK;
import static com.dealbridge.contracts.golden.GoldenSampleFactory.PRODUCT_SSO;
import static com.dealbridge.contracts.golden.GoldenSampleFactory.metadata;

import com.dealbridge.contracts.avro.Actor;
import com.dealbridge.contracts.avro.ActorType;
import com.dealbridge.contracts.avro.DealDetailsChanged;
import com.dealbridge.contracts.avro.DealStageChanged;
import com.dealbridge.contracts.avro.Origin;
import com.dealbridge.contracts.avro.PartnerCompensationEligibilityChanged;
import com.dealbridge.contracts.avro.ProductInterestChanged;
import com.dealbridge.contracts.avro.QuoteChanged;
import com.dealbridge.contracts.avro.QuoteLineItem;
import com.dealbridge.contracts.avro.RegistrationChanged;
import com.dealbridge.contracts.avro.RegistrationExpiring;
import com.dealbridge.contracts.avro.SharedDealWithdrawn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/** Golden samples of the deal lifecycle events (details, stage, product interest, compensation, quotes, withdrawal). */
final class LifecycleGoldenSamples {

    static final String QUOTE_ID = "a3c5e7f9-1b2d-4e6f-8a0c-2e4f6a8c0e13";

    static final Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> SAMPLES = Map.of(
            DealDetailsChanged.class, LifecycleGoldenSamples::dealDetailsChanged,
            DealStageChanged.class, LifecycleGoldenSamples::dealStageChanged,
            ProductInterestChanged.class, LifecycleGoldenSamples::productInterestChanged,
            PartnerCompensationEligibilityChanged.class, LifecycleGoldenSamples::compensationEligibilityChanged,
            QuoteChanged.class, LifecycleGoldenSamples::quoteChanged,
            SharedDealWithdrawn.class, LifecycleGoldenSamples::sharedDealWithdrawn,
            RegistrationChanged.class, LifecycleGoldenSamples::registrationChanged,
            RegistrationExpiring.class, LifecycleGoldenSamples::registrationExpiring);

    private static final Actor PRIYA_ACTOR = new Actor(ActorType.PARTNER_USER, PRIYA.getId(), PRIYA.getName());
    private static final Actor MARCUS_ACTOR = new Actor(ActorType.CRM_USER, MARCUS.getId(), MARCUS.getName());

    private LifecycleGoldenSamples() {
    }

    static DealDetailsChanged dealDetailsChanged() {
        return DealDetailsChanged.newBuilder()
                .setMetadata(metadata("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e41", Origin.PARTNER, 2,
                        Instant.parse("2026-11-27T09:12:03.210Z"), 0, PRIYA_ACTOR))
                .setDealName(null)
                .setAmount("14500.00")
                .setCurrency("EUR")
                .setCloseDate("2027-04-15")
                .build();
    }

    static RegistrationChanged registrationChanged() {
        return RegistrationChanged.newBuilder()
                .setMetadata(metadata("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c81", Origin.CRM, 3,
                        Instant.parse("2026-11-29T10:05:00.000Z"), 0, MARCUS_ACTOR))
                .setTransition("RELEASE")
                .setReasonCode(null)
                .setReason("The vendor's own deal on this customer is lost")
                .setExpiresAt(Instant.parse("2027-02-27T10:05:00.000Z"))
                .build();
    }

    static RegistrationExpiring registrationExpiring() {
        return RegistrationExpiring.newBuilder()
                .setMetadata(metadata("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d92", Origin.CRM, 4,
                        Instant.parse("2027-02-20T10:05:00.000Z"), 0, MARCUS_ACTOR))
                .setExpiresAt(Instant.parse("2027-02-27T10:05:00.000Z"))
                .build();
    }

    static DealStageChanged dealStageChanged() {
        return DealStageChanged.newBuilder()
                .setMetadata(metadata("1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f52", Origin.CRM, 2,
                        Instant.parse("2026-11-28T15:40:11.008Z"), 0, MARCUS_ACTOR))
                .setStage("PRESENTATION_SCHEDULED")
                .build();
    }

    static ProductInterestChanged productInterestChanged() {
        return ProductInterestChanged.newBuilder()
                .setMetadata(metadata("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a63", Origin.PARTNER, 3,
                        Instant.parse("2026-11-29T08:05:47.500Z"), 1, PRIYA_ACTOR))
                .setProductIds(List.of(PRODUCT_HELPDESK, PRODUCT_SSO))
                .build();
    }

    static PartnerCompensationEligibilityChanged compensationEligibilityChanged() {
        return PartnerCompensationEligibilityChanged.newBuilder()
                .setMetadata(metadata("3f4a5b6c-7d8e-4f9a-0b1c-2d3e4f5a6b74", Origin.CRM, 3,
                        Instant.parse("2026-11-30T11:20:00.001Z"), 0, MARCUS_ACTOR))
                .setEligible(true)
                .build();
    }

    static QuoteChanged quoteChanged() {
        return QuoteChanged.newBuilder()
                .setMetadata(metadata("4a5b6c7d-8e9f-4a0b-1c2d-3e4f5a6b7c85", Origin.CRM, 4,
                        Instant.parse("2026-12-02T13:02:59.730Z"), 0, MARCUS_ACTOR))
                .setQuoteId(QUOTE_ID)
                .setTitle("Helpdesk Pro for 25 agents, year one")
                .setAmount("12475.00")
                .setCurrency("USD")
                .setStatus("PUBLISHED")
                .setLineItems(List.of(new QuoteLineItem(PRODUCT_HELPDESK, "Helpdesk Pro (annual, per seat)", 25,
                        "499.00", "12475.00")))
                .build();
    }

    static SharedDealWithdrawn sharedDealWithdrawn() {
        return SharedDealWithdrawn.newBuilder()
                .setMetadata(metadata("5b6c7d8e-9f0a-4b1c-2d3e-4f5a6b7c8d96", Origin.PARTNER, 4,
                        Instant.parse("2026-12-05T16:45:30.000Z"), 0, PRIYA_ACTOR))
                .setReason("The customer chose to buy directly from the vendor.")
                .build();
    }
}
