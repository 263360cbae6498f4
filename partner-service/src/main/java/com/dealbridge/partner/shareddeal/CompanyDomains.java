package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.deal.Deal;
import com.dealbridge.partner.directory.Company;
import com.dealbridge.partner.directory.Contact;
import com.dealbridge.partner.directory.Directory;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.registration.RegistrationProperties;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The company domain a registration holds: the company's own (registered from a company), the contact's company's
 * (from a contact), the deal's first associated company's (from a deal). A source without a company is domain-less:
 * refused with 422 unless {@code dealbridge.registration.allow-domain-less}.
 */
@Component
class CompanyDomains {

    private final Directory directory;
    private final RegistrationProperties rules;

    CompanyDomains(Directory directory, RegistrationProperties rules) {
        this.directory = directory;
        this.rules = rules;
    }

    RegisteredDomain of(String partnerId, Company company) {
        return checked(Optional.of(company));
    }

    RegisteredDomain of(String partnerId, Contact contact) {
        return checked(Optional.ofNullable(contact.companyId())
                .flatMap(companyId -> directory.company(partnerId, companyId)));
    }

    RegisteredDomain of(String partnerId, Deal deal) {
        return checked(deal.companyIds().stream().findFirst()
                .flatMap(companyId -> directory.company(partnerId, companyId)));
    }

    private RegisteredDomain checked(Optional<Company> company) {
        if (company.isEmpty()) {
            if (!rules.allowDomainLess()) {
                throw UnprocessableException.of("sourceId", "has no company with a domain: this program registers"
                        + " deals by company domain, so register from a company, a contact of a company or a deal"
                        + " with an associated company");
            }
            return null;
        }
        try {
            return RegisteredDomain.of(company.get().domain());
        } catch (RegisteredDomain.InvalidDomainException e) {
            throw UnprocessableException.of("sourceId", "company " + company.get().name() + ": " + e.getMessage());
        }
    }
}
