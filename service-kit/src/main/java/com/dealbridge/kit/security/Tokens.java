package com.dealbridge.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: random, shown to their owner once, and only ever stored as {@link #hash(String)}.
 */
public final class Tokens {

    /** Makes tokens recognisable in logs and secret scanners. */
    public static final String PREFIX = "db_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 32 random bytes, base64url without padding, prefixed with {@value #PREFIX} (46 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes; deterministic, so it can be looked up. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /**
     * What a revoked token's hash is replaced by: unique like a hash (the index on it is unique), yet never the hash
     * of any token (not hex).
     */
    public static String revokedHash() {
        return "revoked:" + java.util.UUID.randomUUID();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
