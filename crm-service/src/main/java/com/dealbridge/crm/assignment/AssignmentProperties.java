package com.dealbridge.crm.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rep assignment settings ({@code dealbridge.crm.assignment.*}).
 *
 * @param sweepInterval how often to look for active deals still without a rep — after a crash, or registered
 *                      while no rep was active (default 10s)
 */
@ConfigurationProperties("dealbridge.crm.assignment")
record AssignmentProperties(Duration sweepInterval) {

    AssignmentProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
    }
}
