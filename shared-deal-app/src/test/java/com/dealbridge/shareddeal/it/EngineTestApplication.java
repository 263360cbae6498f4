package com.dealbridge.shareddeal.it;

import com.dealbridge.kit.security.CallerResolver;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A bare service on the PARTNER side: only the engine and the kit, to test sync on its own. */
@SpringBootApplication
public class EngineTestApplication {

    @Bean
    CallerResolver noUsers() {
        return tokenHash -> Optional.empty();
    }
}
