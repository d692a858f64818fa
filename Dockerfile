# Build first: mvn -B -DskipTests package  (the image takes the built jar)
#
# The jar is compiled for Java 17 (what the README promises to those who run it themselves); the image runs it on
# Java 25 for its AOT cache and compact object headers (docs/benchmarks.md, "Start and memory").

# The extracted jar and an AOT cache of its start, made by the JVM of the image below (the same base) with the same
# object layout: a training start on a throw-away embedded PostgreSQL.
FROM eclipse-temurin:25-jre AS cache
RUN useradd --system --home /app cqpi && install -d -o cqpi /app/tool
COPY scripts/start-cache.sh /build/start-cache.sh
COPY target/cqpi-lti.jar /build/cqpi-lti.jar
USER cqpi
ENV JAVA_OPTIONS="-XX:+UseCompactObjectHeaders"
RUN bash /build/start-cache.sh /build/cqpi-lti.jar /app/tool

FROM eclipse-temurin:25-jre
RUN useradd --system --home /app cqpi
WORKDIR /app
COPY --from=cache /app/tool /app/tool
COPY sample-courses /app/sample-courses
COPY lti-config /app/lti-config
USER cqpi
EXPOSE 8080
# glibc's malloc arenas (up to 8 per core by default) are a large share of the idle memory besides the heap.
ENV MALLOC_ARENA_MAX=2
# -Xms64m: the heap starts small and grows with the load (up to 75 % of the container's memory).
# -XX:+UseCompactObjectHeaders (JEP 519): 8-byte object headers instead of 12, less heap for the same objects.
ENTRYPOINT ["java", "-XX:AOTCache=/app/tool/cqpi-lti.aot", "-XX:+UseCompactObjectHeaders", \
    "-XX:MaxRAMPercentage=75", "-Xms64m", "-jar", "/app/tool/cqpi-lti.jar"]
