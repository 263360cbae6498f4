package com.dealbridge.kit.web;

/**
 * Which request paths are a service's pages rather than its API (a bean only in a service with pages): an error on a
 * page path is answered with the HTML error page, on every other path with problem+json.
 */
@FunctionalInterface
public interface PagePaths {

    /** @param path the request URI (as the container reports it in an error dispatch) */
    boolean isPage(String path);
}
