package com.dealbridge.crm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The one Spring context of crm-service integration tests: the real service on a random port, an in-memory
 * mongo-java-server and an embedded broker (KRaft: the only mode of spring-kafka 4). Every test class using exactly
 * this annotation shares the context (and the broker), so the suite starts it once. Topics get one partition so
 * that records of different keys are consumed in the order they were produced.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + CrmServiceApplication.CONFIG_NAME,
        "dealbridge.security.admin-token=" + CrmServiceIntegrationTest.ADMIN_TOKEN,
        "dealbridge.mongodb.embedded.enabled=true",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "dealbridge.sync.topics.partitions=1",
        // a closed page's stream is found gone within a second or so (LiveDealPageIntegrationTest)
        "dealbridge.live.heartbeat=300ms" })
@EmbeddedKafka(partitions = 1)
public @interface CrmServiceIntegrationTest {

    String ADMIN_TOKEN = "test-crm-admin";
}
