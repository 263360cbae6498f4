package com.dealbridge.sync.api;

import com.dealbridge.sync.config.SyncProperties;
import com.dealbridge.sync.inbox.DeadLetters;
import com.dealbridge.sync.store.SyncStatusReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: how far behind sync is, what is parked or dead-lettered, and replay of dead letters. */
@RestController
@RequestMapping("/admin/sync")
public class SyncAdminController {

    private final SyncStatusReader status;
    private final DeadLetters deadLetters;
    private final SyncProperties properties;

    public SyncAdminController(SyncStatusReader status, DeadLetters deadLetters, SyncProperties properties) {
        this.status = status;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @GetMapping("/status")
    public Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("side", properties.side().name());
        body.put("outboundTopic", properties.outboundTopic());
        body.put("inboundTopic", properties.inboundTopic());
        Map<String, String> policy = new LinkedHashMap<>();
        properties.policy().asMap().forEach((field, fieldPolicy) -> policy.put(field.apiName(), fieldPolicy.name()));
        body.put("syncPolicy", policy);
        body.put("outboxBacklog", status.outboxBacklog());
        body.put("parked", status.parked());
        body.put("highWaterMarks", status.highWaterMarks());
        Map<String, Object> dead = new LinkedHashMap<>();
        dead.put("pending", deadLetters.count(false));
        dead.put("replayed", deadLetters.count(true));
        dead.put("latest", deadLetters.latest(20).stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("key", d.key());
            row.put("reason", d.reason());
            row.put("failedAt", d.failedAt());
            row.put("replayed", d.replayed());
            row.put("replayError", d.replayError());
            return row;
        }).toList());
        body.put("deadLetters", dead);
        return body;
    }

    @PostMapping("/dead-letters/replay")
    public DeadLetters.ReplayResult replay() {
        return deadLetters.replay();
    }
}
