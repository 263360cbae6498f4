package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared fields of one deal on one side, each with the (hlc, origin) stamp of the value it holds, and the
 * side's sync marks: how far each origin's sequence has been applied. Small and of fixed size whatever the deal's
 * notes: it is the deal document of the store, rewritten on every change of the deal.
 */
public final class DealFacts {

    static final String F_DEAL_NAME = "dealName";
    static final String F_AMOUNT = "amount";
    static final String F_CLOSE_DATE = "closeDate";
    static final String F_STAGE = "stage";
    static final String F_PRODUCTS = "productInterest";
    static final String F_ASSIGNED_REP = "assignedRep";
    static final String F_PARTNER_OWNER = "partnerOwner";
    static final String F_CURRENCY = "currency";
    static final String F_COMPENSATION = "partnerCompensationEligible";
    static final String F_QUOTE_PREFIX = "quote:";

    /**
     * Everything a {@link DealFacts} holds, for the store to write and read back.
     *
     * @param localSequence  the last sequence number this side gave an event of the deal
     * @param highWaterMarks per origin name, the last sequence applied here (contiguously from 1)
     * @param liveNotes      how many notes of the deal are not deleted
     */
    public record State(String id, String partnerId, Origin side, Origin registeredBy, String dealName,
                        BigDecimal amount, String currency, LocalDate closeDate, Stage stage, String introNote,
                        String painOrOpportunity, String nextSteps, String welcomeNote, String sourceType,
                        List<String> productIds, PersonRef assignedRep, PersonRef partnerOwner,
                        boolean partnerCompensationEligible, boolean withdrawn, String withdrawalReason,
                        List<Quote> quotes, Instant createdAt, Instant updatedAt, Map<String, Stamp> stamps,
                        long localSequence, Map<String, Long> highWaterMarks, long liveNotes,
                        RegisteredDomain registeredDomain, RegistrationState registrationState,
                        String unavailableReason, RegistrationFacts registration) {

        /** Facts of a deal whose registration never changed state after its creation. */
        public State(String id, String partnerId, Origin side, Origin registeredBy, String dealName,
                     BigDecimal amount, String currency, LocalDate closeDate, Stage stage, String introNote,
                     String painOrOpportunity, String nextSteps, String welcomeNote, String sourceType,
                     List<String> productIds, PersonRef assignedRep, PersonRef partnerOwner,
                     boolean partnerCompensationEligible, boolean withdrawn, String withdrawalReason,
                     List<Quote> quotes, Instant createdAt, Instant updatedAt, Map<String, Stamp> stamps,
                     long localSequence, Map<String, Long> highWaterMarks, long liveNotes,
                     RegisteredDomain registeredDomain, RegistrationState registrationState,
                     String unavailableReason) {
            this(id, partnerId, side, registeredBy, dealName, amount, currency, closeDate, stage, introNote,
                    painOrOpportunity, nextSteps, welcomeNote, sourceType, productIds, assignedRep, partnerOwner,
                    partnerCompensationEligible, withdrawn, withdrawalReason, quotes, createdAt, updatedAt, stamps,
                    localSequence, highWaterMarks, liveNotes, registeredDomain, registrationState, unavailableReason,
                    RegistrationFacts.NONE);
        }

        /** Facts of a deal without a registered domain. */
        public State(String id, String partnerId, Origin side, Origin registeredBy, String dealName,
                     BigDecimal amount, String currency, LocalDate closeDate, Stage stage, String introNote,
                     String painOrOpportunity, String nextSteps, String welcomeNote, String sourceType,
                     List<String> productIds, PersonRef assignedRep, PersonRef partnerOwner,
                     boolean partnerCompensationEligible, boolean withdrawn, String withdrawalReason,
                     List<Quote> quotes, Instant createdAt, Instant updatedAt, Map<String, Stamp> stamps,
                     long localSequence, Map<String, Long> highWaterMarks, long liveNotes) {
            this(id, partnerId, side, registeredBy, dealName, amount, currency, closeDate, stage, introNote,
                    painOrOpportunity, nextSteps, welcomeNote, sourceType, productIds, assignedRep, partnerOwner,
                    partnerCompensationEligible, withdrawn, withdrawalReason, quotes, createdAt, updatedAt, stamps,
                    localSequence, highWaterMarks, liveNotes, null, RegistrationState.REGISTERED, null);
        }

        public DealStatus status() {
            return DealStatus.of(withdrawn, stage);
        }

        public State {
            productIds = productIds == null ? List.of() : List.copyOf(productIds);
            quotes = quotes == null ? List.of() : List.copyOf(quotes);
            stamps = stamps == null ? Map.of() : Map.copyOf(stamps);
            highWaterMarks = highWaterMarks == null ? Map.of() : Map.copyOf(highWaterMarks);
            registrationState = registrationState == null ? RegistrationState.REGISTERED : registrationState;
            registration = registration == null ? RegistrationFacts.NONE : registration;
        }

        /** The registration state as the API shows it: WITHDRAWN once withdrawn. */
        public RegistrationState currentRegistrationState() {
            if (withdrawn) {
                return RegistrationState.WITHDRAWN;
            }
            return registration.state() == null ? registrationState : registration.state();
        }
    }

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
    /** Set by the registration only, never changed: a domain stays registered even if the company's changes. */
    private RegisteredDomain registeredDomain;
    /** The state the registration was created in (REGISTERED or UNAVAILABLE), and why it was UNAVAILABLE. */
    private RegistrationState registrationState = RegistrationState.REGISTERED;
    private String unavailableReason;
    /** What the vendor's transitions made of the registration since its creation. */
    private RegistrationFacts registration = RegistrationFacts.NONE;
    private List<String> productIds = new ArrayList<>();
    private PersonRef assignedRep;
    private PersonRef partnerOwner;
    private boolean partnerCompensationEligible;
    private boolean withdrawn;
    private String withdrawalReason;
    private List<Quote> quotes = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private final Map<String, Stamp> stamps = new HashMap<>();
    private long localSequence;
    private final Map<String, Long> highWaterMarks = new HashMap<>();
    private long liveNotes;

    DealFacts(String id, String partnerId, Origin side) {
        this.id = id;
        this.partnerId = partnerId;
        this.side = side;
    }

    /** The facts as stored. */
    public static DealFacts restore(State state) {
        DealFacts facts = new DealFacts(state.id(), state.partnerId(), state.side());
        facts.registeredBy = state.registeredBy();
        facts.dealName = state.dealName();
        facts.amount = state.amount();
        facts.currency = state.currency();
        facts.closeDate = state.closeDate();
        facts.stage = state.stage();
        facts.introNote = state.introNote();
        facts.painOrOpportunity = state.painOrOpportunity();
        facts.nextSteps = state.nextSteps();
        facts.welcomeNote = state.welcomeNote();
        facts.sourceType = state.sourceType();
        facts.registeredDomain = state.registeredDomain();
        facts.registrationState = state.registrationState();
        facts.unavailableReason = state.unavailableReason();
        facts.registration = state.registration();
        facts.productIds = new ArrayList<>(state.productIds());
        facts.assignedRep = state.assignedRep();
        facts.partnerOwner = state.partnerOwner();
        facts.partnerCompensationEligible = state.partnerCompensationEligible();
        facts.withdrawn = state.withdrawn();
        facts.withdrawalReason = state.withdrawalReason();
        facts.quotes = new ArrayList<>(state.quotes());
        facts.createdAt = state.createdAt();
        facts.updatedAt = state.updatedAt();
        facts.stamps.putAll(state.stamps());
        facts.localSequence = state.localSequence();
        facts.highWaterMarks.putAll(state.highWaterMarks());
        facts.liveNotes = state.liveNotes();
        return facts;
    }

    public State state() {
        return new State(id, partnerId, side, registeredBy, dealName, amount, currency, closeDate, stage, introNote,
                painOrOpportunity, nextSteps, welcomeNote, sourceType, productIds, assignedRep, partnerOwner,
                partnerCompensationEligible, withdrawn, withdrawalReason, quotes, createdAt, updatedAt, stamps,
                localSequence, highWaterMarks, liveNotes, registeredDomain, registrationState, unavailableReason,
                registration);
    }

    boolean registered() {
        return createdAt != null;
    }

    // ---- applying events (local and remote alike) ------------------------------------------------------------

    /** The registration: every shared field at once, stamped with the registration's (hlc, origin). */
    void applyRegistration(SharedDealRegistered event) {
        if (registered()) {
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
        registeredDomain = event.registeredDomain();
        registrationState = event.registrationState();
        unavailableReason = event.unavailableReason();
        productIds = new ArrayList<>(event.productIds());
        partnerOwner = event.partnerOwner();
        assignedRep = event.assignedRep();
        createdAt = event.header().occurredAt();
        for (String field : List.of(F_DEAL_NAME, F_AMOUNT, F_CURRENCY, F_CLOSE_DATE, F_STAGE, F_PRODUCTS,
                F_PARTNER_OWNER)) {
            stamps.put(field, stamp);
        }
        if (assignedRep != null) {
            stamps.put(F_ASSIGNED_REP, stamp);
        }
    }

    void applyAssignment(SharedDealAssigned event) {
        if (wins(F_ASSIGNED_REP, event.header().stamp())) {
            assignedRep = event.rep();
        }
    }

    /** Applies a lifecycle event by last-writer-wins per field; false when the event is not one. */
    boolean applyLifecycle(SharedDealEvent event) {
        Stamp stamp = event.header().stamp();
        if (event instanceof DealDetailsChanged e) {
            if (e.dealName() != null && wins(F_DEAL_NAME, stamp)) {
                dealName = e.dealName();
            }
            if (e.amount() != null && wins(F_AMOUNT, stamp)) {
                amount = e.amount();
            }
            if (e.currency() != null && wins(F_CURRENCY, stamp)) {
                currency = e.currency();
            }
            if (e.closeDate() != null && wins(F_CLOSE_DATE, stamp)) {
                closeDate = e.closeDate();
            }
        } else if (event instanceof DealStageChanged e) {
            if (wins(F_STAGE, stamp)) {
                stage = e.stage();
            }
        } else if (event instanceof ProductInterestChanged e) {
            if (wins(F_PRODUCTS, stamp)) {
                productIds = new ArrayList<>(e.productIds());
            }
        } else if (event instanceof PartnerCompensationEligibilityChanged e) {
            if (wins(F_COMPENSATION, stamp)) {
                partnerCompensationEligible = e.eligible();
            }
        } else if (event instanceof QuoteChanged e) {
            if (wins(F_QUOTE_PREFIX + e.quote().id(), stamp)) {
                putQuote(e.quote());
            }
        } else if (event instanceof RegistrationChanged e) {
            // one writer (the CRM) and applied in its sequence order: no stamp needed
            registration = registration.after(e);
        } else if (event instanceof RegistrationExpiring e) {
            registration = registration.reminded(e.expiresAt());
        } else if (event instanceof SharedDealWithdrawn e) {
            withdrawn = true;
            withdrawalReason = e.reason();
        } else {
            return false;
        }
        return true;
    }

    /** Last-writer-wins: takes the stamp and answers true when the incoming value should be kept. */
    private boolean wins(String field, Stamp incoming) {
        if (!incoming.supersedes(stamps.get(field))) {
            return false;
        }
        stamps.put(field, incoming);
        return true;
    }

    private void putQuote(Quote quote) {
        for (int i = 0; i < quotes.size(); i++) {
            if (quotes.get(i).id().equals(quote.id())) {
                quotes.set(i, quote);
                return;
            }
        }
        quotes.add(quote);
    }

    /** Keeps the latest time anything happened to the deal (events may arrive out of time order). */
    void touched(Instant at) {
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    void forceUpdatedAt(Instant at) {
        updatedAt = at;
    }

    // ---- marks -------------------------------------------------------------------------------------------------

    long nextSequence() {
        return ++localSequence;
    }

    /** A restarted or rebuilt side never reuses a number it may have published: the sequence only moves up. */
    void raiseLocalSequence(long atLeast) {
        localSequence = Math.max(localSequence, atLeast);
    }

    void mark(Origin origin, long sequence) {
        highWaterMarks.put(origin.name(), sequence);
    }

    void countNote(int delta) {
        liveNotes = Math.max(0, liveNotes + delta);
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    /** Status follows the stage and the withdrawal, so it converges wherever they do. */
    public DealStatus status() {
        return DealStatus.of(withdrawn, stage);
    }

    public long highWaterMark(Origin origin) {
        return highWaterMarks.getOrDefault(origin.name(), 0L);
    }

    public long localSequence() {
        return localSequence;
    }

    public long liveNotes() {
        return liveNotes;
    }

    public Stamp stampOf(String field) {
        return stamps.get(field);
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

    /** The company domain the registration holds; null for a domain-less registration. */
    public RegisteredDomain registeredDomain() {
        return registeredDomain;
    }

    /** The state as created or as the last transition left it, WITHDRAWN once withdrawn. */
    public RegistrationState registrationState() {
        if (withdrawn) {
            return RegistrationState.WITHDRAWN;
        }
        return registration.state() == null ? registrationState : registration.state();
    }

    /** The state the registration was created in, whatever transitions followed. */
    public RegistrationState createdRegistrationState() {
        return registrationState;
    }

    /** The registration's expiry, rejection code and the last transition's moment. */
    public RegistrationFacts registration() {
        return registration;
    }

    /** Why the registration was created UNAVAILABLE; null otherwise. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /**
     * Why it is UNAVAILABLE (as created, or the vendor's revocation's words, else its code) or REJECTED (the
     * rejection's words, else its code); null otherwise.
     */
    public String currentUnavailableReason() {
        RegistrationState state = registrationState();
        if (state == RegistrationState.REJECTED || (state == RegistrationState.UNAVAILABLE
                && registration.state() == RegistrationState.UNAVAILABLE)) {
            return registration.reason() == null ? registration.reasonCode() : registration.reason();
        }
        return state == RegistrationState.UNAVAILABLE ? unavailableReason : null;
    }

    /** Whether the deal is an active registration holding its domain and a capacity slot: active and REGISTERED. */
    public boolean activelyRegistered() {
        return status().isActive() && registrationState().isRegistered();
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

    public boolean withdrawn() {
        return withdrawn;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    /** The deal's quotes, oldest first. */
    public List<Quote> quotes() {
        return List.copyOf(quotes);
    }

    public Optional<Quote> quote(String quoteId) {
        return quotes.stream().filter(quote -> quote.id().equals(quoteId)).findFirst();
    }

    /** The most recently purchased quote, if any. */
    public Optional<Quote> purchasedQuote() {
        List<Quote> purchased = quotes.stream().filter(q -> q.status() == QuoteStatus.PURCHASED).toList();
        return purchased.isEmpty() ? Optional.empty() : Optional.of(purchased.get(purchased.size() - 1));
    }

    /** The banner of the shared deal card, or null while the deal is active. */
    public Banner banner() {
        return Banner.of(this);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
