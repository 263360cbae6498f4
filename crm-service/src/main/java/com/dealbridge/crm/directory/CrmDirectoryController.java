package com.dealbridge.crm.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The CRM's companies and contacts. */
@RestController
@RequestMapping("/api")
class CrmDirectoryController {

    /** A host name such as {@code acme.example}: labels of letters, digits and inner hyphens. */
    static final String DOMAIN = "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";

    record NewCompanyRequest(@NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = DOMAIN, message = "must be a domain name such as example.com") String domain) {
    }

    record NewContactRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email, @Size(min = 1, max = 64) String companyId) {
    }

    private final Directory directory;

    CrmDirectoryController(Directory directory) {
        this.directory = directory;
    }

    @PostMapping("/companies")
    @ResponseStatus(HttpStatus.CREATED)
    Company addCompany(@Valid @RequestBody NewCompanyRequest request) {
        return directory.addCompany(request.name(), request.domain());
    }

    @GetMapping("/companies")
    Map<String, Object> companies() {
        return listing(directory.companies());
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact addContact(@Valid @RequestBody NewContactRequest request) {
        return directory.addContact(request.firstName(), request.lastName(), request.email(), request.companyId());
    }

    @GetMapping("/contacts")
    Map<String, Object> contacts() {
        return listing(directory.contacts());
    }

    private static Map<String, Object> listing(List<?> items) {
        return Map.of("items", items, "total", items.size());
    }
}
