package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sizes and ranges a shared deal's values keep to, the same for what a user sends and for what arrives from the
 * other side: a received event the API would have refused is refused too (dead-lettered), never stored.
 */
public final class Limits {

    /** Largest note text, in UTF-8 bytes. */
    public static final int NOTE_BYTES = 64 * 1024;
    /** Largest comment text, in UTF-8 bytes. */
    public static final int COMMENT_BYTES = 16 * 1024;
    public static final int DEAL_NAME_CHARS = 200;
    public static final int QUALIFYING_CHARS = 4000;
    public static final int REASON_CHARS = 2000;
    /** Characters of a rejection's reason code (a program's code, e.g. DUPLICATE or INVALID_DATA). */
    public static final int REASON_CODE_CHARS = 64;
    public static final int PRODUCTS = 50;
    public static final int FILE_NAME_CHARS = 200;
    /** Amounts have at most this many digits before the decimal point … */
    public static final int AMOUNT_INTEGER_DIGITS = 15;
    /** … and this many after it. */
    public static final int AMOUNT_DECIMALS = 2;
    /**
     * Written out, an amount has at most this many characters (as many as a JSON number may have): a longer one is
     * refused before it is read, since reading a number takes time that grows with the square of its length.
     */
    public static final int AMOUNT_CHARS = 1000;
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private Limits() {
    }

    /** Why an amount is out of range, or empty when it is fine (null is fine: unchanged or unknown). */
    public static Optional<String> amount(BigDecimal amount) {
        if (amount == null) {
            return Optional.empty();
        }
        if (amount.signum() < 0) {
            return Optional.of("must be greater than or equal to 0");
        }
        if (amount.precision() > AMOUNT_CHARS) {
            // stripping the zeros of so many digits would take long; no amount within the limits has them
            return Optional.of("has more than " + AMOUNT_CHARS + " digits");
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > AMOUNT_DECIMALS || plain.precision() - plain.scale() > AMOUNT_INTEGER_DIGITS) {
            return Optional.of("must have at most " + AMOUNT_DECIMALS + " decimal places and "
                    + AMOUNT_INTEGER_DIGITS + " integer digits");
        }
        return Optional.empty();
    }

    /** Why a date is out of range, or empty when it is fine. */
    public static Optional<String> date(LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            return Optional.of("must be between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31");
        }
        return Optional.empty();
    }

    public static boolean fitsUtf8(String text, int maxBytes) {
        // a Java char is at most three UTF-8 bytes: only long texts need counting
        return text.length() * 3 <= maxBytes || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    /** What is wrong with a received event's values, if anything. */
    public static Optional<String> violation(SharedDealEvent event) {
        if (event instanceof SharedNoteAdded e) {
            return text("body", e.body(), NOTE_BYTES);
        }
        if (event instanceof SharedNoteEdited e) {
            return text("body", e.body(), NOTE_BYTES);
        }
        if (event instanceof NoteCommentAdded e) {
            return text("body", e.body(), COMMENT_BYTES);
        }
        if (event instanceof SharedDealRegistered e) {
            return first(name(e.dealName()), field("amount", amount(e.amount())),
                    field("closeDate", date(e.closeDate())), chars("introNote", e.introNote(), QUALIFYING_CHARS),
                    chars("painOrOpportunity", e.painOrOpportunity(), QUALIFYING_CHARS),
                    chars("nextSteps", e.nextSteps(), QUALIFYING_CHARS),
                    chars("welcomeNote", e.welcomeNote(), QUALIFYING_CHARS), products(e.productIds()),
                    chars("unavailableReason", e.unavailableReason(), REASON_CHARS));
        }
        if (event instanceof DealDetailsChanged e) {
            return first(e.dealName() == null ? Optional.empty() : name(e.dealName()),
                    field("amount", amount(e.amount())), field("closeDate", date(e.closeDate())));
        }
        if (event instanceof ProductInterestChanged e) {
            return products(e.productIds());
        }
        if (event instanceof SharedDealWithdrawn e) {
            return chars("reason", e.reason(), REASON_CHARS);
        }
        if (event instanceof RegistrationChanged e) {
            return first(chars("reason", e.reason(), REASON_CHARS), chars("reasonCode", e.reasonCode(),
                    REASON_CODE_CHARS));
        }
        if (event instanceof AttachmentAdded e) {
            return chars("fileName", e.fileName(), FILE_NAME_CHARS);
        }
        if (event instanceof QuoteChanged e) {
            return field("quote.amount", amount(e.quote().amount()));
        }
        if (event instanceof SharedDealSnapshot snapshot) {
            for (SharedDealEvent fact : snapshot.facts()) {
                Optional<String> violation = violation(fact);
                if (violation.isPresent()) {
                    return Optional.of("a " + fact.type() + " fact: " + violation.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> name(String dealName) {
        if (dealName == null || dealName.isBlank()) {
            return Optional.of("dealName must not be blank");
        }
        return chars("dealName", dealName, DEAL_NAME_CHARS);
    }

    private static Optional<String> text(String field, String text, int maxBytes) {
        if (text == null || text.isBlank()) {
            return Optional.of(field + " must not be blank");
        }
        return fitsUtf8(text, maxBytes) ? Optional.empty()
                : Optional.of(field + " is larger than " + maxBytes / 1024 + " KiB (UTF-8)");
    }

    private static Optional<String> chars(String field, String text, int max) {
        return text != null && text.length() > max ? Optional.of(field + " is longer than " + max + " characters")
                : Optional.empty();
    }

    private static Optional<String> products(List<String> productIds) {
        return productIds.size() > PRODUCTS ? Optional.of("more than " + PRODUCTS + " products") : Optional.empty();
    }

    private static Optional<String> field(String field, Optional<String> problem) {
        return problem.map(p -> field + " " + p);
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... checks) {
        for (Optional<String> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}
