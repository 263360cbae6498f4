package com.dealbridge.crm.workspace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the CRM workspace's pages (as opposed to the API): what it fails with is shown as the
 * kit's error page ({@link WorkspacePageErrors}), never as problem+json.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WorkspacePage {
}
