#!/usr/bin/env bash
# Builds what the local stack needs, then runs all of dealbridge in one JVM: a Kafka broker (KRaft), one
# MongoDB-wire server per service, an SMTP server that keeps every mail, both services, demo data.
# Needs only JDK 17 and Maven. Ctrl-C stops everything; data stays in ./data (or $DATA_DIR).
#
#   ./run-local.sh              build (tests skipped), then start
#   ./run-local.sh --no-build   start the jar built last time
#   ./run-local.sh --help       usage
#
# Ports and the data directory come from the environment (README.md, "Configuration").
# JAVA_OPTS replaces the default JVM options below.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./run-local.sh [--no-build] [--help]

Starts all of dealbridge in one JVM: a Kafka broker (KRaft), one MongoDB-wire server per service, an SMTP
server that keeps every mail, partner-service, crm-service and demo data. Ctrl-C stops everything; the data
stays in ./data (or $DATA_DIR).

  (no option)   build what the local stack needs (tests skipped), then start
  --no-build    start the jar built last time
  --help, -h    print this help and exit

Environment: PARTNER_PORT (8081), CRM_PORT (8082), KAFKA_PORT (9092), DATA_DIR (./data) and the others
listed in README.md, "Configuration"; JAVA_OPTS replaces the default JVM options.
USAGE
}

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --help | -h) usage; exit 0 ;;
    *) echo "run-local.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

if [[ "$build" == true ]]; then
  echo "Building dealbridge (mvn -DskipTests -pl local-stack -am install) ..."
  mvn -B -q -DskipTests -pl local-stack -am install
fi

shopt -s nullglob
jars=(local-stack/target/local-stack-*-exec.jar)
if [[ ${#jars[@]} -eq 0 ]]; then
  echo "run-local.sh: no local-stack/target/local-stack-*-exec.jar; run without --no-build first." >&2
  exit 1
fi

# Serial GC and C1 only: quicker start and a smaller footprint, which matters more here than peak throughput; the C
# library's free memory goes back every 5 s; the cap keeps threads from holding a direct buffer as large as the
# largest socket read they ever did.
default_opts="-Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000 -Djdk.nio.maxCachedBufferSize=262144"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-$default_opts} \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.dealbridge.contracts.avro \
  -jar "${jars[0]}"
