package com.dealbridge.crm.directory;

import com.dealbridge.kit.directory.NewCompany;
import com.dealbridge.kit.directory.NewContact;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The CRM's companies and contacts. */
@RestController
@RequestMapping("/api")
class CrmDirectoryController {

    private final Directory directory;

    CrmDirectoryController(Directory directory) {
        this.directory = directory;
    }

    /** Adds a company to the CRM's directory. */
    @PostMapping("/companies")
    @ResponseStatus(HttpStatus.CREATED)
    Company addCompany(@Valid @RequestBody NewCompany request) {
        return directory.addCompany(request);
    }

    /** By name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/companies")
    ListResponse<Company> companies(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return directory.companies(Paging.of(page, size));
    }

    /** Adds a contact to the CRM's directory. */
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact addContact(@Valid @RequestBody NewContact request) {
        return directory.addContact(request);
    }

    /** By last and first name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/contacts")
    ListResponse<Contact> contacts(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return directory.contacts(Paging.of(page, size));
    }
}
