package com.dealbridge.e2e;

import com.dealbridge.local.KafkaBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka broker in a process of its own, for tests that kill it:
 * {@code --log-dir=<dir> --kafka-port=<port> --controller-port=<port>} (other arguments are ignored).
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length == 2) {
                options.put(pair[0], pair[1]);
            }
        }
        KafkaBroker.start(Path.of(options.get("log-dir")), Integer.parseInt(options.get("kafka-port")),
                Integer.parseInt(options.get("controller-port")));
        System.out.println("broker ready on " + options.get("kafka-port"));
        Thread.currentThread().join(); // until killed
    }
}
