package com.dealbridge.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The vendor's CRM: sales reps, products, deals, quotes and assignment of registered deals. */
@SpringBootApplication
@EnableScheduling
public class CrmServiceApplication {

    /** Both services can share one classpath (end-to-end tests), so each reads its own config file. */
    public static final String CONFIG_NAME = "crm-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CrmServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
