package com.dealbridge.shareddeal.domain;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The company domain a registration holds, as partner programs count it: {@code https://www.Sales.Example.COM/x},
 * {@code example.com} and {@code sales.example.com} are all {@code example.com}. Lower case, no scheme, path, port
 * or trailing dot, internationalised names in punycode ({@link IDN#toASCII}), subdomains folded to the registrable
 * domain by the public suffix list Guava bundles ({@link InternetDomainName#topPrivateDomain()}, so
 * {@code shop.example.co.uk} is {@code example.co.uk}; under a suffix the list does not know, such as
 * {@code .example}, its default rule: the last two labels). The list is the one of the Guava release in use: a suffix
 * added to the list later is only known after a Guava upgrade.
 */
public record RegisteredDomain(String value) {

    public RegisteredDomain {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a registered domain is not blank");
        }
    }

    /**
     * The registrable domain of a company's domain or web address.
     *
     * @throws InvalidDomainException not a domain name, or a public suffix itself (such as {@code co.uk})
     */
    public static RegisteredDomain of(String domainOrUrl) {
        String host = host(domainOrUrl);
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidDomainException("'" + domainOrUrl + "' is not a domain name: " + e.getMessage());
        }
        if (ascii.startsWith("www.")) {
            ascii = ascii.substring(4);
        }
        if (!InternetDomainName.isValid(ascii)) {
            throw new InvalidDomainException("'" + domainOrUrl + "' is not a domain name such as example.com");
        }
        InternetDomainName name = InternetDomainName.from(ascii);
        java.util.List<String> labels = java.util.List.copyOf(name.parts());
        if (name.isPublicSuffix() || labels.size() < 2) {
            throw new InvalidDomainException("'" + domainOrUrl + "' is not a registrable domain such as example.com");
        }
        if (name.isUnderPublicSuffix()) {
            return new RegisteredDomain(name.topPrivateDomain().toString());
        }
        // a suffix the list does not know (acme.example, intranet.test): the list's default rule "*" makes the last
        // label the suffix, so the last two labels are the registrable domain
        return new RegisteredDomain(String.join(".", labels.subList(labels.size() - 2, labels.size())));
    }

    /** As {@link #of}, empty for a missing or blank domain. */
    public static Optional<RegisteredDomain> ofNullable(String domainOrUrl) {
        return domainOrUrl == null || domainOrUrl.isBlank() ? Optional.empty() : Optional.of(of(domainOrUrl));
    }

    /** The host part: without scheme, user, port, path, query and trailing dots. */
    private static String host(String domainOrUrl) {
        String s = domainOrUrl.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = s.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        s = s.substring(0, end);
        s = s.substring(s.lastIndexOf('@') + 1);
        int port = s.lastIndexOf(':');
        if (port >= 0) {
            s = s.substring(0, port);
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 253) {
            throw new InvalidDomainException("'" + domainOrUrl + "' is not a domain name such as example.com");
        }
        return s;
    }

    @Override
    public String toString() {
        return value;
    }

    /** A company domain that cannot be registered. */
    public static final class InvalidDomainException extends IllegalArgumentException {
        public InvalidDomainException(String message) {
            super(message);
        }
    }
}
