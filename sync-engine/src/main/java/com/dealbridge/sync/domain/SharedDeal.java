package com.dealbridge.sync.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One side's replica of a shared deal. Local commands change it and record the events the other side needs;
 * remote events are applied with per-origin sequence dedupe and per-field last-writer-wins by (hlc, origin),
 * the same rule on both sides, so both replicas converge whatever the interleaving.
 *
 * <p>Plain Java on purpose: the merge rules are unit-tested without Spring, Kafka or MongoDB. The store maps
 * this class field by field, which is why it keeps a private no-argument constructor.
 */
public final class SharedDeal {

    static final String F_DEAL_NAME = "dealName";
    static final String F_AMOUNT = "amount";
    static final String F_CLOSE_DATE = "closeDate";
    static final String F_STAGE = "stage";
    static final String F_PRODUCTS = "productInterest";
    static final String F_ASSIGNED_REP = "assignedRep";
    static final String F_PARTNER_OWNER = "partnerOwner";

    private String id;
    private String partnerId;
    private Origin side;
    private Origin registeredBy;
    private String dealName;
    private BigDecimal amount;
    private String currency;
    private LocalDate closeDate;
    private Stage stage;
    private String introNote;
    private String painOrOpportunity;
    private String nextSteps;
    private String welcomeNote;
    private String sourceType;
    private List<String> productIds = new ArrayList<>();
    private PersonRef assignedRep;
    private PersonRef partnerOwner;
    private boolean partnerCompensationEligible;
    private DealStatus status = DealStatus.ACTIVE;
    private Instant createdAt;
    private Instant updatedAt;
    private Map<String, Stamp> stamps = new HashMap<>();
    private long localSequence;
    private Map<String, Long> highWaterMarks = new HashMap<>();
    private List<ActivityEntry> activity = new ArrayList<>();

    private transient List<SharedDealEvent> recorded = new ArrayList<>();

    private SharedDeal() {
    }

    /** The side holding this replica makes the deal shared. */
    public static SharedDeal register(Registration registration, Origin side, SyncClock clock, Actor actor) {
        SharedDeal deal = new SharedDeal();
        deal.id = registration.id().value();
        deal.partnerId = registration.partnerId();
        deal.side = side;
        Hlc hlc = clock.tick();
        SharedDealRegistered event = new SharedDealRegistered(deal.nextHeader(hlc, clock.now(), actor),
                registration.registeredBy(), registration.dealName(), registration.amount(),
                registration.currency(), registration.closeDate(), registration.stage(), registration.introNote(),
                registration.painOrOpportunity(), registration.nextSteps(), registration.welcomeNote(),
                registration.productIds(), registration.partnerOwner(), registration.assignedRep(),
                registration.sourceType());
        deal.applyRegistration(event);
        deal.recorded.add(event);
        return deal;
    }

    /** The replica of a deal the other side registered, created from its first event. */
    public static SharedDeal receive(SharedDealRegistered registration, Origin side, SyncClock clock) {
        if (registration.header().origin() == side) {
            throw new IllegalArgumentException("a side never receives its own registration");
        }
        SharedDeal deal = new SharedDeal();
        deal.id = registration.header().sharedDealId();
        deal.partnerId = registration.header().partnerId();
        deal.side = side;
        ApplyOutcome outcome = deal.apply(registration, clock);
        if (outcome != ApplyOutcome.APPLIED) {
            throw new IllegalArgumentException("registration must be the first event of its origin, was #"
                    + registration.header().sequence());
        }
        return deal;
    }

    /**
     * Applies an event the other side decided. Never records events: applying must not echo back.
     */
    public ApplyOutcome apply(SharedDealEvent event, SyncClock clock) {
        EventHeader header = event.header();
        if (header.origin() == side) {
            throw new IllegalArgumentException("event " + header.eventId() + " comes from this side");
        }
        if (!id.equals(header.sharedDealId())) {
            throw new IllegalArgumentException("event " + header.eventId() + " belongs to deal " + header.sharedDealId());
        }
        long mark = highWaterMark(header.origin());
        if (header.sequence() <= mark) {
            return ApplyOutcome.DUPLICATE;
        }
        if (header.sequence() > mark + 1) {
            return ApplyOutcome.GAP;
        }
        clock.observe(header.hlc());
        dispatch(event);
        highWaterMarks.put(header.origin().name(), header.sequence());
        return ApplyOutcome.APPLIED;
    }

    /** The CRM's decision: this rep owns the deal on the vendor side. */
    public void assign(PersonRef rep, SyncClock clock, Actor actor) {
        Objects.requireNonNull(rep, "rep");
        if (side != Origin.CRM) {
            throw new SyncRuleViolation("assignedRep is CRM_TO_PARTNER: only the CRM assigns a sales rep");
        }
        record(header -> new SharedDealAssigned(header, rep), clock, actor);
    }

    private <E extends SharedDealEvent> void record(Function<EventHeader, E> factory, SyncClock clock, Actor actor) {
        E event = factory.apply(nextHeader(clock.tick(), clock.now(), actor));
        dispatch(event);
        recorded.add(event);
    }

    private EventHeader nextHeader(Hlc hlc, Instant now, Actor actor) {
        localSequence++;
        return new EventHeader(UUID.randomUUID().toString(), id, partnerId, side, localSequence, hlc, now, actor);
    }

    private void dispatch(SharedDealEvent event) {
        if (event instanceof SharedDealRegistered registered) {
            applyRegistration(registered);
        } else if (event instanceof SharedDealAssigned assigned) {
            applyAssignment(assigned);
        } else {
            throw new IllegalArgumentException("unknown event type " + event.type());
        }
        updatedAt = event.header().occurredAt();
    }

    private void applyRegistration(SharedDealRegistered event) {
        if (createdAt != null) {
            throw new IllegalStateException("deal " + id + " is already registered");
        }
        Stamp stamp = event.header().stamp();
        registeredBy = event.registeredBy();
        dealName = event.dealName();
        amount = event.amount();
        currency = event.currency();
        closeDate = event.closeDate();
        stage = event.stage();
        introNote = event.introNote();
        painOrOpportunity = event.painOrOpportunity();
        nextSteps = event.nextSteps();
        welcomeNote = event.welcomeNote();
        sourceType = event.sourceType();
        productIds = new ArrayList<>(event.productIds());
        partnerOwner = event.partnerOwner();
        assignedRep = event.assignedRep();
        status = DealStatus.ACTIVE;
        createdAt = event.header().occurredAt();
        for (String field : List.of(F_DEAL_NAME, F_AMOUNT, F_CLOSE_DATE, F_STAGE, F_PRODUCTS, F_PARTNER_OWNER)) {
            stamps.put(field, stamp);
        }
        if (assignedRep != null) {
            stamps.put(F_ASSIGNED_REP, stamp);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registeredBy", registeredBy.name());
        details.put("dealName", dealName);
        addActivity("REGISTERED", event, details);
    }

    private void applyAssignment(SharedDealAssigned event) {
        if (wins(F_ASSIGNED_REP, event.header().stamp())) {
            assignedRep = event.rep();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("repId", event.rep().id());
        details.put("repName", event.rep().name());
        addActivity("ASSIGNED", event, details);
    }

    /** Last-writer-wins: takes the stamp and answers true when the incoming value should be kept. */
    private boolean wins(String field, Stamp incoming) {
        if (!incoming.supersedes(stamps.get(field))) {
            return false;
        }
        stamps.put(field, incoming);
        return true;
    }

    private void addActivity(String type, SharedDealEvent event, Map<String, Object> details) {
        EventHeader header = event.header();
        activity.add(new ActivityEntry(type, header.occurredAt(), header.actor(), header.origin(), header.eventId(),
                details));
    }

    /** The events recorded by local commands since the last drain, in sequence order; clears them. */
    public List<SharedDealEvent> drainRecordedEvents() {
        List<SharedDealEvent> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    public long highWaterMark(Origin origin) {
        return highWaterMarks.getOrDefault(origin.name(), 0L);
    }

    public SharedDealId id() {
        return new SharedDealId(id);
    }

    public String partnerId() {
        return partnerId;
    }

    public Origin side() {
        return side;
    }

    public Origin registeredBy() {
        return registeredBy;
    }

    public String dealName() {
        return dealName;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public LocalDate closeDate() {
        return closeDate;
    }

    public Stage stage() {
        return stage;
    }

    public String introNote() {
        return introNote;
    }

    public String painOrOpportunity() {
        return painOrOpportunity;
    }

    public String nextSteps() {
        return nextSteps;
    }

    public String welcomeNote() {
        return welcomeNote;
    }

    public String sourceType() {
        return sourceType;
    }

    public List<String> productIds() {
        return List.copyOf(productIds);
    }

    public PersonRef assignedRep() {
        return assignedRep;
    }

    public PersonRef partnerOwner() {
        return partnerOwner;
    }

    public boolean partnerCompensationEligible() {
        return partnerCompensationEligible;
    }

    public DealStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long localSequence() {
        return localSequence;
    }

    public List<ActivityEntry> activity() {
        return List.copyOf(activity);
    }

    public Stamp stampOf(String field) {
        return stamps.get(field);
    }
}
