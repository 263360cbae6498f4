package com.dealbridge.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Checks every paginated list of the API answers {@code page} and {@code size} as {@code Paging} promises. */
public final class PagingAssertions {

    private PagingAssertions() {
    }

    /**
     * {@code size=0}, {@code size=501} and {@code page=-1} each answer 400 problem+json naming the parameter.
     *
     * @param path the list's path, with or without a query of its own
     */
    public static void refusesBadPaging(ApiClient api, String path, String token) {
        for (String bad : List.of("size=0", "size=501", "page=-1")) {
            ApiResponse response = api.get(withQuery(path, bad), token);
            assertThat(response.status()).as(bad + ": " + response).isEqualTo(400);
            assertThat(response.isProblem()).as(bad + ": " + response).isTrue();
            assertThat(response.json("/detail")).as(bad).startsWith(bad.substring(0, bad.indexOf('=')));
        }
    }

    /** {@code path} with {@code query} appended ({@code ?} or {@code &} as needed). */
    public static String withQuery(String path, String query) {
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    /** The {@code id} of each item, in list order (not {@code findValues}: nested objects may have ids too). */
    public static List<String> ids(ApiResponse list) {
        List<String> ids = new ArrayList<>();
        list.node("/items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
