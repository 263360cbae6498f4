package com.dealbridge.shareddeal.store;

import static com.dealbridge.shareddeal.store.Bson.date;
import static com.dealbridge.shareddeal.store.Bson.decimal;
import static com.dealbridge.shareddeal.store.Bson.name;
import static com.dealbridge.shareddeal.store.Bson.number;
import static com.dealbridge.shareddeal.store.Bson.person;
import static com.dealbridge.shareddeal.store.Bson.stamp;
import static com.dealbridge.shareddeal.store.Bson.time;

import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.Quote;
import com.dealbridge.shareddeal.domain.QuoteLineItem;
import com.dealbridge.shareddeal.domain.QuoteStatus;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.RegistrationFacts;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.domain.Stamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The deal document ({@code shared_deals}): the deal's facts under {@code facts}, and beside them the few fields
 * queries filter on, kept in step with the facts on every write.
 */
final class DealDocuments {

    static final String COLLECTION = "shared_deals";

    private DealDocuments() {
    }

    static Document document(DealFacts.State facts, long version, String localDealId, long parked) {
        return new Document("_id", facts.id()).append("v", version).append("localDealId", localDealId)
                .append("partnerId", facts.partnerId()).append("status", facts.status().name())
                .append("registeredDomain", domain(facts.registeredDomain()))
                .append("registrationState", facts.currentRegistrationState().name())
                // for the expiry sweep: only an open REGISTERED deal's expiry counts, null otherwise
                .append("expiresAt", facts.status().isActive()
                        && facts.currentRegistrationState() == RegistrationState.REGISTERED
                        ? time(facts.registration().expiresAt()) : null)
                .append("expiryReminded", facts.registration().remindedOfExpiry())
                .append("assignedRepId", facts.assignedRep() == null ? null : facts.assignedRep().id())
                .append("quoteIds", facts.quotes().stream().map(Quote::id).toList())
                .append("updatedAt", time(facts.updatedAt())).append("dealName", facts.dealName())
                .append("parked", parked).append("hasParked", parked > 0)
                // for the sweeps that link deals to this side's own deal and assign a rep (flags: indexed cheaply)
                .append("unlinked", localDealId == null)
                // an UNAVAILABLE registration is not worked by a rep: it is not registered
                .append("unassigned", facts.status().isActive() && facts.assignedRep() == null
                        && facts.currentRegistrationState().isRegistered())
                .append("facts", facts(facts));
    }

    private static Document facts(DealFacts.State f) {
        Document stamps = new Document();
        f.stamps().forEach((field, stamp) -> stamps.append(field, stamp(stamp)));
        Document marks = new Document();
        f.highWaterMarks().forEach(marks::append);
        return new Document("partnerId", f.partnerId()).append("side", name(f.side()))
                .append("registeredBy", name(f.registeredBy())).append("dealName", f.dealName())
                .append("amount", decimal(f.amount())).append("currency", f.currency())
                .append("closeDate", date(f.closeDate())).append("stage", name(f.stage()))
                .append("introNote", f.introNote()).append("painOrOpportunity", f.painOrOpportunity())
                .append("nextSteps", f.nextSteps()).append("welcomeNote", f.welcomeNote())
                .append("sourceType", f.sourceType()).append("registeredDomain", domain(f.registeredDomain()))
                .append("registrationState", f.registrationState().name())
                .append("unavailableReason", f.unavailableReason())
                .append("registration", registration(f.registration()))
                .append("productIds", f.productIds())
                .append("assignedRep", person(f.assignedRep())).append("partnerOwner", person(f.partnerOwner()))
                .append("partnerCompensationEligible", f.partnerCompensationEligible())
                .append("withdrawn", f.withdrawn()).append("withdrawalReason", f.withdrawalReason())
                .append("quotes", f.quotes().stream().map(DealDocuments::quote).toList())
                .append("createdAt", time(f.createdAt())).append("updatedAt", time(f.updatedAt()))
                .append("stamps", stamps).append("localSequence", f.localSequence()).append("marks", marks)
                .append("liveNotes", f.liveNotes());
    }

    static DealFacts.State facts(Document document) {
        Document f = document.get("facts", Document.class);
        Map<String, Stamp> stamps = new HashMap<>();
        f.get("stamps", Document.class).forEach((field, stamp) -> stamps.put(field, stamp((Document) stamp)));
        Map<String, Long> marks = new HashMap<>();
        f.get("marks", Document.class).forEach((origin, mark) -> marks.put(origin, ((Number) mark).longValue()));
        List<Quote> quotes = new ArrayList<>();
        for (Document quote : f.getList("quotes", Document.class)) {
            quotes.add(quote(quote));
        }
        return new DealFacts.State(document.getString("_id"), f.getString("partnerId"),
                Origin.valueOf(f.getString("side")), origin(f.getString("registeredBy")), f.getString("dealName"),
                decimal(f.getString("amount")), f.getString("currency"), date(f.getString("closeDate")),
                f.getString("stage") == null ? null : Stage.valueOf(f.getString("stage")), f.getString("introNote"),
                f.getString("painOrOpportunity"), f.getString("nextSteps"), f.getString("welcomeNote"),
                f.getString("sourceType"), f.getList("productIds", String.class),
                person(f.get("assignedRep", Document.class)), person(f.get("partnerOwner", Document.class)),
                f.getBoolean("partnerCompensationEligible", false), f.getBoolean("withdrawn", false),
                f.getString("withdrawalReason"), quotes, time(f.getDate("createdAt")), time(f.getDate("updatedAt")),
                stamps, number(f, "localSequence"), marks, number(f, "liveNotes"),
                f.getString("registeredDomain") == null ? null : new RegisteredDomain(f.getString("registeredDomain")),
                f.getString("registrationState") == null ? RegistrationState.REGISTERED
                        : RegistrationState.valueOf(f.getString("registrationState")),
                f.getString("unavailableReason"), registration(f.get("registration", Document.class)));
    }

    private static Document registration(RegistrationFacts r) {
        return new Document("state", name(r.state())).append("expiresAt", time(r.expiresAt()))
                .append("reasonCode", r.reasonCode()).append("reason", r.reason())
                .append("changedAt", time(r.changedAt())).append("registeredAt", time(r.registeredAt()))
                .append("remindedFor", time(r.remindedFor()));
    }

    /** A deal stored before registration transitions has none. */
    private static RegistrationFacts registration(Document r) {
        if (r == null) {
            return RegistrationFacts.NONE;
        }
        return new RegistrationFacts(r.getString("state") == null ? null : RegistrationState.valueOf(
                r.getString("state")), time(r.getDate("expiresAt")), r.getString("reasonCode"), r.getString("reason"),
                time(r.getDate("changedAt")), time(r.getDate("registeredAt")), time(r.getDate("remindedFor")));
    }

    private static String domain(RegisteredDomain domain) {
        return domain == null ? null : domain.value();
    }

    private static Origin origin(String name) {
        return name == null ? null : Origin.valueOf(name);
    }

    private static Document quote(Quote quote) {
        return new Document("id", quote.id()).append("title", quote.title()).append("amount", decimal(quote.amount()))
                .append("currency", quote.currency()).append("status", quote.status().name())
                .append("lineItems", quote.lineItems().stream().map(item -> new Document("productId",
                        item.productId()).append("productName", item.productName())
                        .append("quantity", item.quantity()).append("unitPrice", decimal(item.unitPrice()))
                        .append("amount", decimal(item.amount()))).toList());
    }

    private static Quote quote(Document quote) {
        List<QuoteLineItem> items = new ArrayList<>();
        for (Document item : quote.getList("lineItems", Document.class)) {
            items.add(new QuoteLineItem(item.getString("productId"), item.getString("productName"),
                    item.getInteger("quantity"), decimal(item.getString("unitPrice")),
                    decimal(item.getString("amount"))));
        }
        return new Quote(quote.getString("id"), quote.getString("title"), decimal(quote.getString("amount")),
                quote.getString("currency"), QuoteStatus.valueOf(quote.getString("status")), items);
    }
}
