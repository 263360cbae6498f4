package com.dealbridge.crm.workspace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link WorkspacePage} controller whose every page is for {@link WorkspaceAdmin workspace admins} only:
 * any other rep gets the 403 error page ({@link WorkspaceAdminGuard}), before the controller runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WorkspaceAdminPage {
}
