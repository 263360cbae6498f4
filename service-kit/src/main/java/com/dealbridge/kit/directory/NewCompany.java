package com.dealbridge.kit.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * What a company is created from, on either side ({@code POST /api/companies}: "as on the partner side", API.md), so
 * both services validate and store a company alike. Who owns the company (a partner, or the CRM) is the service's.
 */
public record NewCompany(@NotBlank @Size(max = 200)
        @Pattern(regexp = NewCompany.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @NotBlank @Pattern(regexp = NewCompany.DOMAIN, message = "must be a domain name such as example.com")
        String domain) {

    /** A name people read: no NUL, tab, line break or other control character (they print as nothing, or break lines). */
    public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    /** A host name such as {@code acme.example}: labels of letters, digits and inner hyphens. */
    public static final String DOMAIN = "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";

    /**
     * As stored: trimmed, the domain in lower case, because domains are case-insensitive and one spelling keeps
     * {@code Acme.example} and {@code acme.example} from looking like two companies. Call on a validated company only.
     */
    public NewCompany normalized() {
        return new NewCompany(name.trim(), domain.trim().toLowerCase(Locale.ROOT));
    }
}
