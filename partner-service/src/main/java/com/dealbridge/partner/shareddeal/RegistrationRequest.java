package com.dealbridge.partner.shareddeal;

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
        @NotBlank @Size(max = 200) String dealName,
        @NotNull @PositiveOrZero BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotNull LocalDate closeDate,
        @NotBlank @Size(max = 4000) String introNote,
        @NotBlank @Size(max = 4000) String painOrOpportunity,
        @NotBlank @Size(max = 4000) String nextSteps,
        @Size(max = 50) List<@NotBlank String> productIds) {

    enum SourceType { CONTACT, COMPANY, DEAL }

    String currencyOrDefault() {
        return currency == null ? "USD" : currency;
    }

    List<String> productIdsOrEmpty() {
        return productIds == null ? List.of() : productIds.stream().distinct().toList();
    }
}
