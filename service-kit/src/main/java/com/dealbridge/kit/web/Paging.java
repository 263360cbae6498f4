package com.dealbridge.kit.web;

/**
 * Which part of a list a request asks for: {@code page} (from 0) of {@code size} items. Every list of the API is
 * paginated this way, so a list of 100,000 deals or notes is served in bounded time and memory.
 *
 * @param page 0-based page number (default 0)
 * @param size items per page (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE})
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new BadRequestException("page must be 0 or more, was " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", was " + s);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new BadRequestException("page " + p + " of size " + s + " is beyond any list");
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }
}
