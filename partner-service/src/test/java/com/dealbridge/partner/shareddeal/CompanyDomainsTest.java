package com.dealbridge.partner.shareddeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.directory.Company;
import com.dealbridge.partner.directory.Contact;
import com.dealbridge.shareddeal.registration.RegistrationProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompanyDomainsTest {

    private static final Contact WITHOUT_COMPANY = new Contact("c-1", "p-1", "Solo", "Trader", "solo@x.example",
            null);

    @Test
    void aContactWithoutACompanyIsDomainLessWhenTheProgramAllowsIt() {
        CompanyDomains domains = new CompanyDomains(null, new RegistrationProperties(true, null, Duration.ofSeconds(30)));
        assertThat(domains.of("p-1", WITHOUT_COMPANY)).isNull();
    }

    @Test
    void aContactWithoutACompanyIs422WhenTheProgramRegistersByDomainOnly() {
        CompanyDomains domains = new CompanyDomains(null, new RegistrationProperties(false, null, Duration.ofSeconds(30)));
        assertThatThrownBy(() -> domains.of("p-1", WITHOUT_COMPANY))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("company");
    }

    @Test
    void aCompanysDomainIsFoldedToItsRegistrableDomain() {
        CompanyDomains domains = new CompanyDomains(null, RegistrationProperties.defaults());
        assertThat(domains.of("p-1", new Company("co-1", "p-1", "Globex", "www.sales.globex.com")).value())
                .isEqualTo("globex.com");
    }
}
