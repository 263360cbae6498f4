package com.dealbridge.shareddeal.wire;

import static com.dealbridge.shareddeal.wire.EventCodec.amount;
import static com.dealbridge.shareddeal.wire.EventCodec.date;
import static com.dealbridge.shareddeal.wire.EventCodec.header;
import static com.dealbridge.shareddeal.wire.EventCodec.metadata;
import static com.dealbridge.shareddeal.wire.EventCodec.required;

import com.dealbridge.shareddeal.domain.DealDetailsChanged;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.PartnerCompensationEligibilityChanged;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.Quote;
import com.dealbridge.shareddeal.domain.QuoteChanged;
import com.dealbridge.shareddeal.domain.QuoteLineItem;
import com.dealbridge.shareddeal.domain.QuoteStatus;
import com.dealbridge.shareddeal.domain.RegistrationChanged;
import com.dealbridge.shareddeal.domain.RegistrationExpiring;
import com.dealbridge.shareddeal.domain.RegistrationTransition;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealWithdrawn;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;

/** The wire mapping of the deal lifecycle events (details, stage, products, compensation, quotes, withdrawal). */
final class LifecycleCodec {

    private LifecycleCodec() {
    }

    /** The Avro record of a lifecycle event, or null when the event is not one. */
    static SpecificRecord toAvro(SharedDealEvent event) {
        if (event instanceof DealDetailsChanged e) {
            return com.dealbridge.contracts.avro.DealDetailsChanged.newBuilder()
                    .setMetadata(metadata(e.header()))
                    .setDealName(e.dealName())
                    .setAmount(e.amount() == null ? null : e.amount().toPlainString())
                    .setCurrency(e.currency())
                    .setCloseDate(e.closeDate() == null ? null : e.closeDate().toString())
                    .build();
        }
        if (event instanceof DealStageChanged e) {
            return com.dealbridge.contracts.avro.DealStageChanged.newBuilder()
                    .setMetadata(metadata(e.header())).setStage(e.stage().name()).build();
        }
        if (event instanceof ProductInterestChanged e) {
            return com.dealbridge.contracts.avro.ProductInterestChanged.newBuilder()
                    .setMetadata(metadata(e.header())).setProductIds(e.productIds()).build();
        }
        if (event instanceof PartnerCompensationEligibilityChanged e) {
            return com.dealbridge.contracts.avro.PartnerCompensationEligibilityChanged.newBuilder()
                    .setMetadata(metadata(e.header())).setEligible(e.eligible()).build();
        }
        if (event instanceof QuoteChanged e) {
            Quote quote = e.quote();
            return com.dealbridge.contracts.avro.QuoteChanged.newBuilder()
                    .setMetadata(metadata(e.header()))
                    .setQuoteId(quote.id())
                    .setTitle(quote.title())
                    .setAmount(quote.amount().toPlainString())
                    .setCurrency(quote.currency())
                    .setStatus(quote.status().name())
                    .setLineItems(quote.lineItems().stream().map(item -> com.dealbridge.contracts.avro.QuoteLineItem
                            .newBuilder()
                            .setProductId(item.productId())
                            .setProductName(item.productName())
                            .setQuantity(item.quantity())
                            .setUnitPrice(item.unitPrice().toPlainString())
                            .setAmount(item.amount().toPlainString())
                            .build()).toList())
                    .build();
        }
        if (event instanceof SharedDealWithdrawn e) {
            return com.dealbridge.contracts.avro.SharedDealWithdrawn.newBuilder()
                    .setMetadata(metadata(e.header())).setReason(e.reason()).build();
        }
        if (event instanceof RegistrationChanged e) {
            return com.dealbridge.contracts.avro.RegistrationChanged.newBuilder()
                    .setMetadata(metadata(e.header())).setTransition(e.transition().name())
                    .setReasonCode(e.reasonCode()).setReason(e.reason()).setExpiresAt(e.expiresAt()).build();
        }
        if (event instanceof RegistrationExpiring e) {
            return com.dealbridge.contracts.avro.RegistrationExpiring.newBuilder()
                    .setMetadata(metadata(e.header())).setExpiresAt(e.expiresAt()).build();
        }
        return null;
    }

    /** The domain event of a lifecycle record, or null when the record is not one. */
    static SharedDealEvent toDomain(SpecificRecord record) {
        if (record instanceof com.dealbridge.contracts.avro.DealDetailsChanged e) {
            return new DealDetailsChanged(header(e.getMetadata()), e.getDealName(), amount(e.getAmount()),
                    e.getCurrency(), date(e.getCloseDate()));
        }
        if (record instanceof com.dealbridge.contracts.avro.DealStageChanged e) {
            return new DealStageChanged(header(e.getMetadata()), stage(required(e.getStage(), "stage")));
        }
        if (record instanceof com.dealbridge.contracts.avro.ProductInterestChanged e) {
            return new ProductInterestChanged(header(e.getMetadata()), e.getProductIds());
        }
        if (record instanceof com.dealbridge.contracts.avro.PartnerCompensationEligibilityChanged e) {
            return new PartnerCompensationEligibilityChanged(header(e.getMetadata()), e.getEligible());
        }
        if (record instanceof com.dealbridge.contracts.avro.QuoteChanged e) {
            return new QuoteChanged(header(e.getMetadata()), new Quote(required(e.getQuoteId(), "quoteId"),
                    required(e.getTitle(), "title"), required(amount(e.getAmount()), "amount"),
                    required(e.getCurrency(), "currency"), quoteStatus(required(e.getStatus(), "status")),
                    e.getLineItems().stream().map(item -> new QuoteLineItem(item.getProductId(),
                            item.getProductName(), item.getQuantity(), required(amount(item.getUnitPrice()),
                            "lineItems.unitPrice"), required(amount(item.getAmount()), "lineItems.amount")))
                            .toList()));
        }
        if (record instanceof com.dealbridge.contracts.avro.SharedDealWithdrawn e) {
            return new SharedDealWithdrawn(header(e.getMetadata()), e.getReason());
        }
        if (record instanceof com.dealbridge.contracts.avro.RegistrationChanged e) {
            return new RegistrationChanged(header(e.getMetadata()), transition(e.getTransition()),
                    e.getReasonCode(), e.getReason(), e.getExpiresAt());
        }
        if (record instanceof com.dealbridge.contracts.avro.RegistrationExpiring e) {
            return new RegistrationExpiring(header(e.getMetadata()), required(e.getExpiresAt(), "expiresAt"));
        }
        return null;
    }

    private static Stage stage(String stage) {
        try {
            return Stage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown stage '" + stage + "' (known: " + Arrays.toString(Stage.values())
                    + ")");
        }
    }

    private static RegistrationTransition transition(String transition) {
        try {
            return RegistrationTransition.valueOf(required(transition, "transition"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown registration transition '" + transition + "' (known: "
                    + Arrays.toString(RegistrationTransition.values()) + ")");
        }
    }

    private static QuoteStatus quoteStatus(String status) {
        try {
            return QuoteStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown quote status '" + status + "'");
        }
    }
}
