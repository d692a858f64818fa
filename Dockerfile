# Build first: mvn -B -DskipTests package  (the image takes the built jar)
FROM eclipse-temurin:17-jre
RUN useradd --system --home /app cqpi
WORKDIR /app
COPY target/cqpi-lti.jar /app/cqpi-lti.jar
COPY sample-courses /app/sample-courses
COPY lti-config /app/lti-config
USER cqpi
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cqpi-lti.jar"]
