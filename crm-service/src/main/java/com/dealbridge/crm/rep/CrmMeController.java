package com.dealbridge.crm.rep;

import com.dealbridge.kit.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token belongs to (the rep was just resolved by token, so this is current). */
@RestController
class CrmMeController {

    record MeResponse(String id, String name, String email) {
    }

    /** The sales rep the token belongs to. */
    @GetMapping("/api/me")
    MeResponse me(Caller caller) {
        return new MeResponse(caller.id(), caller.name(), caller.email());
    }
}
