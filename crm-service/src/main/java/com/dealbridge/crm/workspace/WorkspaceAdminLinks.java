package com.dealbridge.crm.workspace;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code workspaceAdmin} on every workspace page's model: the layout shows the admin pages' links by it. */
@ControllerAdvice(annotations = WorkspacePage.class)
class WorkspaceAdminLinks {

    @ModelAttribute("workspaceAdmin")
    boolean workspaceAdmin() {
        return WorkspaceAdmin.signedIn();
    }
}
