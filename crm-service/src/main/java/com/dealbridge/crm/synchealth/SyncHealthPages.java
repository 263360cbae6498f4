package com.dealbridge.crm.synchealth;

import com.dealbridge.crm.workspace.WorkspaceAdminPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.admin.ResyncController.ResyncStarted;
import com.dealbridge.shareddeal.admin.SyncOperations;
import com.dealbridge.sync.deadletter.DeadLetters.ReplayResult;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * *Sync health* for the workspace's admins ({@code /settings/sync-health}): what {@code GET /admin/sync/status}
 * answers (outbox backlog, parked events, high-water marks, dead letters with their reasons), *Replay* of the dead
 * letters and *Resync* of a deal. Every one is {@link SyncOperations}, the service behind the admin API, so the
 * page shows and does exactly what the API does; an action answers with a redirect back and a flash message.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
@WorkspaceAdminPage
class SyncHealthPages {

    static final String PATH = "/settings/sync-health";

    /** What the page says after an action: a message key of the bundle and its two arguments. */
    record Flash(String key, Object first, Object second) {
    }

    private final SyncOperations operations;

    SyncHealthPages(SyncOperations operations) {
        this.operations = operations;
    }

    @GetMapping(PATH)
    String show(Caller caller, Model model) {
        model.addAttribute("me", caller);
        model.addAttribute("status", operations.status());
        return "crm/sync-health";
    }

    @PostMapping(PATH + "/replay")
    String replay(RedirectAttributes redirect) {
        ReplayResult result = operations.replay();
        redirect.addFlashAttribute("flash", new Flash("syncHealth.replayed", result.replayed(), result.failed()));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/shared-deals/{id}/resync")
    String resync(@PathVariable String id, RedirectAttributes redirect) {
        ResyncStarted started = operations.resync(id);
        redirect.addFlashAttribute("flash", new Flash("syncHealth.resynced", started.sharedDealId(),
                started.snapshotParts()));
        return "redirect:" + PATH;
    }
}
