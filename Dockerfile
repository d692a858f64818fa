# Build first: mvn -B -DskipTests package  (the image takes the built jar)

# The extracted jar and an AppCDS archive of its classes, made by the JVM of the image below (the same base): a
# training start on a throw-away embedded PostgreSQL (docs/benchmarks.md, "Start and memory").
FROM eclipse-temurin:17-jre AS cds
RUN useradd --system --home /app cqpi && install -d -o cqpi /app/tool
COPY scripts/cds-archive.sh /build/cds-archive.sh
COPY target/cqpi-lti.jar /build/cqpi-lti.jar
USER cqpi
RUN bash /build/cds-archive.sh /build/cqpi-lti.jar /app/tool

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app cqpi
WORKDIR /app
COPY --from=cds /app/tool /app/tool
COPY sample-courses /app/sample-courses
COPY lti-config /app/lti-config
USER cqpi
EXPOSE 8080
# glibc's malloc arenas (up to 8 per core by default) are a large share of the idle memory besides the heap.
ENV MALLOC_ARENA_MAX=2
# -Xms64m: the heap starts small and grows with the load (up to 75 % of the container's memory).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/tool/cqpi-lti.jsa", "-XX:MaxRAMPercentage=75", "-Xms64m", \
    "-jar", "/app/tool/cqpi-lti.jar"]
