package com.dealbridge.partner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The partner's account: partners, users, contacts, companies, deals and the shared-deal card. */
@SpringBootApplication
@EnableScheduling
public class PartnerServiceApplication {

    /** Both services can share one classpath (end-to-end tests), so each reads its own config file. */
    public static final String CONFIG_NAME = "partner-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PartnerServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
