package com.dealbridge.kit.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a contact is created from, on either side ({@code POST /api/contacts}: "as on the partner side", API.md).
 * Whether {@code companyId} names a company the caller may use is checked by the service that owns the companies.
 *
 * @param companyId optional; null means no company
 */
public record NewContact(
        @NotBlank @Size(max = 100)
        @Pattern(regexp = NewCompany.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String firstName,
        @NotBlank @Size(max = 100)
        @Pattern(regexp = NewCompany.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String lastName,
        @NotBlank @Email @Size(max = 254) String email, @Size(min = 1, max = 64) String companyId) {

    /** As stored: names and e-mail trimmed (stray blanks from a form would otherwise break sorting and lookup). */
    public NewContact normalized() {
        return new NewContact(firstName.trim(), lastName.trim(), email.trim(), companyId);
    }
}
