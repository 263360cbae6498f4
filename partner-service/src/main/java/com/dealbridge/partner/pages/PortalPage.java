package com.dealbridge.partner.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the portal's pages (as opposed to the API): its errors are pages ({@link PageErrors}) and
 * its model knows who is signed in. The pages call the same application services as the API controllers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PortalPage {
}
