#!/usr/bin/env bash
# The sync benchmark, in one command: builds what it needs (tests skipped), then starts Kafka, the two embedded
# stores and SMTP on free ports, each service in its own JVM (-Xmx256m), and runs every scenario.
#   ./benchmarks/run.sh                 the full run (7 to 13 minutes on 2 cores, half of it filling the big deal)
#   ./benchmarks/run.sh --quick         shorter phases, smaller deals (about 5 minutes): a smoke test
#   ./benchmarks/run.sh --help          the options
#   ./benchmarks/run.sh --only=one-side,catch-up   some scenarios only (low-rate one-side both-ways same-deal
#                                       deal-size big-deal catch-up); --seconds=N --writers=N ... change sizes;
#                                       --warm-up=N seconds of unmeasured load before one side (a third of it
#                                       before both ways; 30 by default, 10 with --quick, 0 for none)
# BENCH_JVM_OPTS and BENCH_SERVICE_JVM_OPTS add JVM options to the benchmark JVM and to each service ({service} is its name).
# Figures go to the console and, as JSON, to benchmarks/target/benchmark-<time>.json; the services' logs and their
# Prometheus metrics after each scenario to benchmarks/target/bench-logs/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
  fi
done
# compiled in one reactor run (test-compile: the test-jars the modules name resolve to their target/test-classes), nothing installed: the classpath names the modules' target/classes, so the
# services run this checkout's code (not whatever another build put into ~/.m2)
# (runtime scope: each service's file is then the classpath it runs with alone, without its tests' libraries)
build=(-B -q test-compile dependency:build-classpath -DskipTests -pl benchmarks -am -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt)
mvn -o "${build[@]}" 2>/dev/null || mvn "${build[@]}"
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
service_classpath() { echo "-Dbench.classpath.$1=$1/target/classes:$(cat "$1/target/classpath.txt")"; }
# this JVM hosts Kafka and both sides' embedded stores, which keep their data in its heap (the big deal's 100,000
# notes and their log entries, on both sides, took 1 GiB to the brink: the broker stalled in GC and fenced itself;
# after a full run about 3 GiB are live, and in a 3 GiB heap the catch-up ran at a tenth of its speed in full
# collections); the heap is sized up front and what survives a young collection (mostly the stores' new documents,
# which they keep) goes straight to the old generation: a heap grown step by step had three full collections of
# 0.3-0.8 s during one side, and each young one copied the stores' documents twice; -Xlog:gc counted 8.3 s of pauses
# in a one-side run before, 4.1 s after; BENCH_JVM_OPTS come last, so they can replace these
exec java -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -Xms6g -Xmx6g -Xmn512m -XX:MaxTenuringThreshold=0 -XX:+UseSerialGC -Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.dealbridge.contracts.avro ${BENCH_JVM_OPTS:-} \
  "$(service_classpath partner-service)" "$(service_classpath crm-service)" -cp "$classpath" com.dealbridge.bench.Benchmark "$@"
