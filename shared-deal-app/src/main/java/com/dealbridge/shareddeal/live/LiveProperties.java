package com.dealbridge.shareddeal.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live deal pages' settings ({@code dealbridge.live.*}).
 *
 * @param heartbeat how often every open deal stream gets a comment line (default 2s): the write after a client
 *                  went away fails and ends its stream, so a closed page holds its connection and about 90 KiB of
 *                  heap for one to two heartbeats instead of the stream's ten-minute timeout. Each heartbeat is a
 *                  write of three bytes per open stream; longer costs fewer writes and keeps closed pages' memory
 *                  longer (docs/adr/0017)
 */
@ConfigurationProperties("dealbridge.live")
public record LiveProperties(Duration heartbeat) {

    public LiveProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalStateException("dealbridge.live.heartbeat must be positive, was " + heartbeat);
        }
    }
}
