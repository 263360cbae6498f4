package com.dealbridge.partner.directory;

import com.dealbridge.kit.directory.NewCompany;
import com.dealbridge.kit.directory.NewContact;
import com.dealbridge.kit.security.Caller;
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

/** Companies and contacts of the caller's partner. */
@RestController
@RequestMapping("/api")
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    /** Adds a company to the partner's directory. */
    @PostMapping("/companies")
    @ResponseStatus(HttpStatus.CREATED)
    Company addCompany(Caller caller, @Valid @RequestBody NewCompany request) {
        return directory.addCompany(caller.partnerId(), request);
    }

    /** By name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/companies")
    ListResponse<Company> companies(Caller caller, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return directory.companies(caller.partnerId(), Paging.of(page, size));
    }

    /** Adds a contact to the partner's directory (optionally of one of its companies). */
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact addContact(Caller caller, @Valid @RequestBody NewContact request) {
        return directory.addContact(caller.partnerId(), request);
    }

    /** By last and first name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/contacts")
    ListResponse<Contact> contacts(Caller caller, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return directory.contacts(caller.partnerId(), Paging.of(page, size));
    }
}
