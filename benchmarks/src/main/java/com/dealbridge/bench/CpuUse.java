package com.dealbridge.bench;

import com.dealbridge.local.ServiceJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each process spent during a scenario, per operation. The machine is shared (2 cores, other work on
 * it), so throughput moves with what else runs; the CPU a note costs each process moves much less, and says where
 * the time goes: the services, and this JVM (Kafka broker, both embedded stores, the load generator).
 */
final class CpuUse {

    private final ServiceJvm partner;
    private final ServiceJvm crm;
    private final long partnerStart;
    private final long crmStart;
    private final long benchStart;

    private CpuUse(ServiceJvm partner, ServiceJvm crm) throws IOException {
        this.partner = partner;
        this.crm = crm;
        this.partnerStart = partner.cpuMillis();
        this.crmStart = crm.cpuMillis();
        this.benchStart = ownCpuMillis();
    }

    static CpuUse start(ServiceJvm partner, ServiceJvm crm) throws IOException {
        return new CpuUse(partner, crm);
    }

    /** Milliseconds of CPU per operation since the start, for each process. */
    Map<String, Double> perOperation(long operations) throws IOException {
        Map<String, Double> perOperation = new LinkedHashMap<>();
        long count = Math.max(1, operations);
        perOperation.put("partner", Stats.round((double) (partner.cpuMillis() - partnerStart) / count));
        perOperation.put("crm", Stats.round((double) (crm.cpuMillis() - crmStart) / count));
        perOperation.put("brokerStoresAndLoad", Stats.round((double) (ownCpuMillis() - benchStart) / count));
        return perOperation;
    }

    private static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
