package com.dealbridge.partner.settings;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.partner.account.Partner;
import com.dealbridge.partner.account.PartnerAccounts;
import com.dealbridge.partner.account.PartnerUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settings → Partners → Communication (user story 6). The settings live on the partner's account, so every change
 * bumps the account's revision and reaches the CRM on the accounts topic; the notification consumer reads them
 * for every event, so a change (e.g. the toggle turned off) applies to the very next notification.
 */
@RestController
@RequestMapping("/api/settings/communication")
class CommunicationSettingsController {

    /**
     * @param recipient the recipient's name and e-mail, for display; null when the partner has no recipient
     */
    record CommunicationSettings(boolean notifyRegisteredLeadActivity, String recipientUserId, Recipient recipient) {
    }

    record Recipient(String id, String name, String email) {
    }

    /**
     * The recipient is required: it also owns the deals a rep registers for the partner, so "nobody" is not an
     * option once the partner has users.
     */
    record ChangeRequest(@NotNull Boolean notifyRegisteredLeadActivity,
                         @NotBlank @Size(max = 100) String recipientUserId) {
    }

    private final PartnerAccounts accounts;

    CommunicationSettingsController(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    /** Settings → Partners → Communication: whether registered-lead activity is notified, and to whom. */
    @GetMapping
    CommunicationSettings get(Caller caller) {
        return view(accounts.find(caller.partnerId())
                .orElseThrow(() -> new NotFoundException("Partner " + caller.partnerId() + " not found")));
    }

    /** A recipient who is not a user of the caller's partner (unknown, or another partner's) answers 422. */
    @PutMapping
    CommunicationSettings change(Caller caller, @Valid @RequestBody ChangeRequest request) {
        return view(accounts.changeCommunication(caller.partnerId(), request.notifyRegisteredLeadActivity(),
                request.recipientUserId().trim()));
    }

    private CommunicationSettings view(Partner partner) {
        Recipient recipient = accounts.user(partner.id(), partner.notificationRecipientUserId())
                .map(CommunicationSettingsController::recipient).orElse(null);
        return new CommunicationSettings(partner.notifyRegisteredLeadActivity(), partner.notificationRecipientUserId(),
                recipient);
    }

    private static Recipient recipient(PartnerUser user) {
        return new Recipient(user.id(), user.name(), user.email());
    }
}
