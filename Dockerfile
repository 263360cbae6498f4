# One image recipe for both services, built from the repository root (docker-compose.yml passes the arguments):
#   docker build --build-arg SERVICE=partner-service --build-arg PORT=8081 -t dealbridge/partner-service .
#   docker build --build-arg SERVICE=crm-service --build-arg PORT=8082 -t dealbridge/crm-service .
# Stage 1 builds the service and the modules it needs; stage 2 is a JRE with the executable jar only.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src

# Poms first: the dependency download below stays cached until a pom changes.
COPY pom.xml ./
COPY sync-contracts/pom.xml sync-contracts/
COPY sync-clock/pom.xml sync-clock/
COPY embedded-mongo/pom.xml embedded-mongo/
COPY service-kit/pom.xml service-kit/
COPY sync-engine/pom.xml sync-engine/
COPY shared-deal/pom.xml shared-deal/
COPY shared-deal-app/pom.xml shared-deal-app/
COPY partner-service/pom.xml partner-service/
COPY crm-service/pom.xml crm-service/
COPY local-stack/pom.xml local-stack/
COPY benchmarks/pom.xml benchmarks/
# Warms the Maven cache only; without sources some plugins fail, which is harmless here - the real build follows.
RUN mvn -B -q -DskipTests -Dspring-boot.repackage.skip=true -pl ${SERVICE} -am package || true

COPY . .
RUN test -n "${SERVICE}" && mvn -B -DskipTests -pl ${SERVICE} -am package \
 && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /src/app.jar

FROM eclipse-temurin:17-jre
ARG PORT
RUN useradd --system --uid 10001 --no-create-home dealbridge
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER dealbridge
EXPOSE ${PORT}
# Avro decodes only into trusted packages (the generated contract classes).
ENV JAVA_TOOL_OPTIONS="-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.dealbridge.contracts.avro"
# Memory: the heap gives back what it does not use and keeps a smaller young generation, smaller stacks and code
# cache, two malloc arenas whose free memory goes back every 5 s, only the C1 compiler, a cap on the direct buffers
# each thread keeps for socket I/O (see local-stack's ServiceJvm and docs/adr/0015, 0016 and 0017: the benchmark's
# figures are for these settings at -Xmx256m). JAVA_OPTS replaces them,
# e.g. without -XX:TieredStopAtLevel=1 on a machine with cores to spare.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:NewRatio=4 -XX:TrimNativeHeapInterval=5000 -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1 -Djdk.nio.maxCachedBufferSize=262144"
# exec: java is the container's first process, so it gets the SIGTERM of a stop and shuts down gracefully; a
# command's arguments (e.g. --server.port=...) go to the application
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
