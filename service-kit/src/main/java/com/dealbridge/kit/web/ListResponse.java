package com.dealbridge.kit.web;

import java.util.List;

/**
 * A page of a list (API.md: {@code {items, total}}, round 2 adds {@code page} and {@code size}).
 *
 * @param total how many items the whole list has
 */
public record ListResponse<T>(List<T> items, long total, int page, int size) {

    public static <T> ListResponse<T> of(List<T> items, long total, Paging paging) {
        return new ListResponse<>(items, total, paging.page(), paging.size());
    }
}
