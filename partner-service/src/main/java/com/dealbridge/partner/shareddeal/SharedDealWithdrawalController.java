package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.sync.api.SharedDealCommands;
import com.dealbridge.sync.api.SharedDealQueries;
import com.dealbridge.sync.domain.Actor;
import com.dealbridge.sync.store.SharedDealDocument;
import com.dealbridge.sync.store.SharedDeals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner user withdraws a registration: synced to the CRM, frees a capacity slot on both sides. Withdrawing
 * again answers 204 and changes nothing; a closed deal cannot be withdrawn (409).
 */
@RestController
@RequestMapping("/api/shared-deals")
class SharedDealWithdrawalController {

    private static final int MAX_REASON = 2000;

    private final SharedDeals sharedDeals;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;

    SharedDealWithdrawalController(SharedDeals sharedDeals, SharedDealQueries queries, SharedDealCommands commands) {
        this.sharedDeals = sharedDeals;
        this.queries = queries;
        this.commands = commands;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String id, @RequestParam(required = false) String reason) {
        Actor actor = commands.actor(caller);
        if (reason != null && reason.length() > MAX_REASON) {
            throw UnprocessableException.of("reason", "at most " + MAX_REASON + " characters");
        }
        SharedDealDocument visible = queries.visible(caller, id);
        String trimmed = reason == null || reason.isBlank() ? null : reason.trim();
        sharedDeals.change(visible.deal().id(), (document, clock) -> document.deal().withdraw(trimmed, clock, actor));
    }
}
