package com.dealbridge.kit.directory;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DirectoryRequestsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aCompanyNameWithAControlCharacterIsRefused() {
        assertThat(invalid(new NewCompany("Acme\u0000", "acme.example"))).containsExactly("name");
        assertThat(invalid(new NewCompany("Acme\nLtd", "acme.example"))).containsExactly("name");
        assertThat(invalid(new NewCompany("Åkesson & Söner – AB", "akesson.example"))).isEmpty();
    }

    @Test
    void aContactNameWithAControlCharacterIsRefused() {
        assertThat(invalid(new NewContact("\u0000", "Fuzz", "f@acme.example", null))).containsExactly("firstName");
        assertThat(invalid(new NewContact("Pat", "O'Brien\t", "p@acme.example", null))).containsExactly("lastName");
        assertThat(invalid(new NewContact("José", "Núñez", "j@acme.example", null))).isEmpty();
    }

    private static Set<String> invalid(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
