# syntax=docker/dockerfile:1
# Build: docker build -t apono-logpoint-relay .
# Run:   docker run -p 8080:8080 -v $PWD/relay.yml:/config/relay.yml -v relay-data:/data \
#          -e APONO_INGEST_TOKEN=... -e RELAY_ADMIN_TOKEN_ALICE=... \
#          -e LOGPOINT_USERNAME=... -e LOGPOINT_SECRET_KEY=... apono-logpoint-relay

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/apono-logpoint-relay.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app relay \
 && mkdir -p /app /config /data \
 && chown relay /data
WORKDIR /app
# Boot's layers, least changing first, so a rebuild after a code change ships one small layer
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Sized for a small service: within 350 MiB resident under load (see bench/RESULTS.md); set
# JDK_JAVA_OPTIONS to change them
ENV JDK_JAVA_OPTIONS="-XX:+UseG1GC -Xmx128m -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=1000" \
    MALLOC_ARENA_MAX=2
# A training start (up to the refreshed context, with a throwaway configuration) writes an AOT cache
# of the loaded and linked classes: the relay is then ready in about 2 s instead of 4 to 5
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar apono-logpoint-relay.jar --relay.ingest.auth.mode=none --relay.admin.auth=none --spring.datasource.url=jdbc:h2:mem:training
USER relay
# Configuration from /config/relay.yml (mount yours there), the H2 store in the /data volume;
# secrets from the environment or from files mounted for configtree:
ENV SPRING_CONFIG_ADDITIONAL_LOCATION=optional:file:/config/relay.yml \
    SPRING_DATASOURCE_URL=jdbc:h2:file:/data/relay;WRITE_DELAY=0;CACHE_SIZE=8192
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "apono-logpoint-relay.jar"]
