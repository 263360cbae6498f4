package com.dealbridge.crm.workspace;

import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.UnprocessableException;
import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A form's errors by field name (the API's JSON field name, which is also the input's {@code name}), the first one
 * of each field: from the same Bean Validation constraints the API's request record carries, or from a service's
 * refusal. The page shows the bundle's text for the field where it has one, else this message.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    public static Map<String, String> of(UnprocessableException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : refused.errors()) {
            errors.putIfAbsent(error.field(), error.message());
        }
        return errors;
    }
}
