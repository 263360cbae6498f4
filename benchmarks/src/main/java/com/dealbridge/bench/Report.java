package com.dealbridge.bench;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The figures as a table, each next to the raw Kafka floor of the same run where there is one. */
final class Report {

    private Report() {
    }

    static String table(Map<String, Object> results) {
        JsonNode r = Benchmark.tree(results);
        JsonNode floor = r.path("kafkaFloor");
        StringBuilder out = new StringBuilder();
        row(out, "figure", "measured", "raw Kafka floor, same run");
        row(out, "---", "---", "---");
        row(out, "note writes accepted, " + r.path("options").path("writers").asInt() + " writers over "
                        + r.path("options").path("deals").asInt() + " deals, one side",
                per(r.path("oneSide").path("writesPerSecond")) + " (HTTP p50 " + ms(r.path("oneSide")
                        .path("httpWrite").path("p50Ms")) + ", p99 " + ms(r.path("oneSide").path("httpWrite")
                        .path("p99Ms")) + ")", per(floor.path("recordsPerSecond")));
        row(out, "events applied on the other side", per(r.path("oneSide").path("appliedOnCrmPerSecond"))
                + "; last one " + r.path("oneSide").path("lastAppliedSecondsAfterLastWrite").asDouble()
                + " s after the last write", per(floor.path("recordsPerSecond")));
        row(out, "CPU per note written, one side", cpu(r.path("oneSide").path("cpuMsPerWrite")), "");
        row(out, "both directions at once", "partner " + per(r.path("bothWays").path("partnerWrites")
                .path("writesPerSecond")) + ", CRM " + per(r.path("bothWays").path("crmWrites")
                .path("writesPerSecond")), "");
        row(out, "restarted service catching up a " + r.path("catchUp").path("backlog").asInt() + "-event backlog",
                per(r.path("catchUp").path("appliedPerSecondOnceUp")) + " once up (" + r.path("catchUp")
                        .path("startSeconds").asDouble() + " s to start; " + per(r.path("catchUp")
                        .path("appliedPerSecondIncludingStart")) + " including the start)", "");
        row(out, "CPU per event caught up", cpu(r.path("catchUp").path("cpuMsPerEventOnceUp")), "");
        row(out, "one note, low rate: HTTP write p50 / p99", ms(r.path("lowRate").path("httpWrite").path("p50Ms"))
                + " / " + ms(r.path("lowRate").path("httpWrite").path("p99Ms")), "");
        row(out, "one note, low rate: 201 → visible on the other side p50 / p99",
                ms(r.path("lowRate").path("writtenToVisibleOnCrm").path("p50Ms")) + " / "
                        + ms(r.path("lowRate").path("writtenToVisibleOnCrm").path("p99Ms")),
                ms(floor.path("latency").path("p50Ms")) + " / " + ms(floor.path("latency").path("p99Ms")));
        JsonNode sizes = r.path("bigDeal").path("documentBytes");
        row(out, "deal document size (" + r.path("bigDeal").path("notes").asLong() + " notes); per note",
                sizes.path("dealDocument").asLong() + " B; a note " + sizes.path("noteDocument").asLong()
                        + " B and a log entry " + sizes.path("logEntry").asLong() + " B of their own", "");
        row(out, "note write p50 on a deal with 0 → " + r.path("dealSize").path("notesInFullDeal").asInt()
                        + " notes", ms(r.path("dealSize").path("writeOnEmptyDeal").path("p50Ms")) + " → "
                        + ms(r.path("dealSize").path("writeOnFullDeal").path("p50Ms")) + " (×"
                        + r.path("dealSize").path("p50Ratio").asDouble() + ")", "");
        row(out, "a deal with " + r.path("bigDeal").path("notes").asLong() + " notes: write p50, notes page,"
                        + " Shared tab page", ms(r.path("bigDeal").path("write").path("p50Ms")) + ", "
                        + ms(r.path("bigDeal").path("firstNotesPage").path("p50Ms")) + " (last page "
                        + ms(r.path("bigDeal").path("lastNotesPage").path("p50Ms")) + "), "
                        + ms(r.path("bigDeal").path("sharedTabPage").path("p50Ms")), "");
        row(out, "8 writers adding notes to the same deal", per(r.path("sameDeal").path("writesPerSecond")), "");
        row(out, "RSS per service alone at -Xmx256m (at start; peak under load)",
                "partner " + r.path("rssAtStartMiB").path("partner").asLong() + " MiB; "
                        + r.path("rssAfterLoadMiB").path("partner").path("peak").asLong() + " MiB, CRM "
                        + r.path("rssAtStartMiB").path("crm").asLong() + " MiB; "
                        + r.path("rssAfterLoadMiB").path("crm").path("peak").asLong() + " MiB", "");
        return out.toString();
    }

    private static String per(JsonNode value) {
        return String.format("%,d /s", value.asLong());
    }

    private static String cpu(JsonNode perProcess) {
        return "partner " + ms(perProcess.path("partner")) + ", CRM " + ms(perProcess.path("crm"))
                + ", broker + stores + load generator " + ms(perProcess.path("brokerStoresAndLoad"));
    }

    private static String ms(JsonNode value) {
        return value.asDouble() + " ms";
    }

    private static void row(StringBuilder out, String figure, String measured, String floor) {
        out.append("| ").append(figure).append(" | ").append(measured).append(" | ").append(floor).append(" |\n");
    }
}
