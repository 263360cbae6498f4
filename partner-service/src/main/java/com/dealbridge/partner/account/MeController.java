package com.dealbridge.partner.account;

import com.dealbridge.kit.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token belongs to; the caller was just resolved from the users collection, so it is current. */
@RestController
class MeController {

    record MeResponse(String id, String partnerId, String name, String email) {
    }

    /** The partner user the token belongs to, with the partner. */
    @GetMapping("/api/me")
    MeResponse me(Caller caller) {
        return new MeResponse(caller.id(), caller.partnerId(), caller.name(), caller.email());
    }
}
