package com.dealbridge.kit.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.test.ApiClient;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A request is observed once, as an HTTP request (its timer and its span), not once more per security filter and
 * per authorization: Spring Security's own observations cost about a tenth of a service's CPU under load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dealbridge.security.admin-token=observed-admin-token",
        "dealbridge.mongodb.embedded.enabled=true",
        "dealbridge.mongodb.embedded.database=kit-observations-test" })
class RequestObservationsIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class StartedObservations {

        @Bean
        StartedNames startedNames() {
            return new StartedNames();
        }
    }

    /** The names of the observations started. */
    static final class StartedNames implements ObservationHandler<Observation.Context> {

        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            names.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestCallers callers;

    @Autowired
    StartedNames started;

    @Test
    void anAuthenticatedRequestIsObservedAsAnHttpRequestOnlyNotPerSecurityFilter() {
        String token = callers.issue(Caller.partnerUser("u-9", "p-9", "Olga Observed", "olga@example.com"));

        assertThat(new ApiClient("http://localhost:" + port).get("/api/me", token).status()).isEqualTo(200);

        await().untilAsserted(() -> assertThat(started.names).contains("http.server.requests"));
        assertThat(started.names).noneMatch(name -> name.startsWith("spring.security"));
    }
}
