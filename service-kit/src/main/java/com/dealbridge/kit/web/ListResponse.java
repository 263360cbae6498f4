package com.dealbridge.kit.web;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list (API.md: {@code {items, total}}, round 2 adds {@code page} and {@code size}).
 *
 * @param total how many items the whole list has
 */
public record ListResponse<T>(List<T> items, long total, int page, int size) {

    public static <T> ListResponse<T> of(List<T> items, long total, Paging paging) {
        return new ListResponse<>(items, total, paging.page(), paging.size());
    }

    /** The same page with each item turned into its view (e.g. a stored document into what the API answers). */
    public <R> ListResponse<R> map(Function<? super T, ? extends R> view) {
        return withItems(items.stream().<R>map(view).toList());
    }

    /**
     * The same page with other items, for views built from the whole page at once (one lookup per page instead of
     * one per item); {@code items} must be as many and in the same order.
     */
    public <R> ListResponse<R> withItems(List<R> items) {
        return new ListResponse<>(items, total, page, size);
    }
}
