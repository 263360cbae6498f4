package com.dealbridge.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * The callers the token filter resolved lately, by token hash, for {@code dealbridge.security.caller-cache-ttl}.
 * A service that revokes or replaces a token calls {@link #forgetAll()}, so this instance refuses the old token at
 * once; other instances do within the TTL.
 */
public final class CallerCache {

    private final Cache<String, Caller> callers;

    CallerCache(SecurityProperties properties) {
        this.callers = Caffeine.newBuilder().expireAfterWrite(properties.callerCacheTtl()).maximumSize(10_000)
                .build();
    }

    Optional<Caller> find(String tokenHash) {
        return Optional.ofNullable(callers.getIfPresent(tokenHash));
    }

    void remember(String tokenHash, Caller caller) {
        callers.put(tokenHash, caller);
    }

    public void forgetAll() {
        callers.invalidateAll();
    }
}
