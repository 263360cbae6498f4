package com.dealbridge.partner.shareddeal;

import com.dealbridge.shareddeal.domain.Limits;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** "Create shared deal": the deal details and the three qualifying fields, from a contact, company or deal. */
record RegistrationRequest(
        @NotNull SourceType sourceType,
        @NotBlank @Size(max = 64) String sourceId,
        @NotBlank @Size(max = Limits.DEAL_NAME_CHARS) String dealName,
        @NotNull @PositiveOrZero @Digits(integer = Limits.AMOUNT_INTEGER_DIGITS, fraction = Limits.AMOUNT_DECIMALS)
        BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotNull LocalDate closeDate,
        @NotBlank @Size(max = Limits.QUALIFYING_CHARS) String introNote,
        @NotBlank @Size(max = Limits.QUALIFYING_CHARS) String painOrOpportunity,
        @NotBlank @Size(max = Limits.QUALIFYING_CHARS) String nextSteps,
        @Size(max = Limits.PRODUCTS) List<@NotBlank String> productIds) {

    enum SourceType { CONTACT, COMPANY, DEAL }

    String currencyOrDefault() {
        return currency == null ? "USD" : currency;
    }

    List<String> productIdsOrEmpty() {
        return productIds == null ? List.of() : productIds.stream().distinct().toList();
    }
}
