package com.dealbridge.kit.testapp;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.CallerResolver;
import com.dealbridge.kit.security.Tokens;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Issues tokens like a service would: the token goes to the caller once, only its hash is kept. */
@Component
class TestCallers implements CallerResolver {

    /** Presenting this token makes the resolver fail, as a service's would when its database is down. */
    static final String FAILING_TOKEN = "db_resolver-fails";

    private final Map<String, Caller> callersByTokenHash = new ConcurrentHashMap<>();

    String issue(Caller caller) {
        String token = Tokens.newToken();
        callersByTokenHash.put(Tokens.hash(token), caller);
        return token;
    }

    Set<String> storedKeys() {
        return Set.copyOf(callersByTokenHash.keySet());
    }

    @Override
    public Optional<Caller> resolve(String tokenHash) {
        if (tokenHash.equals(Tokens.hash(FAILING_TOKEN))) {
            throw new IllegalStateException("token store unavailable");
        }
        return Optional.ofNullable(callersByTokenHash.get(tokenHash));
    }
}
