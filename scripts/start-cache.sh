#!/usr/bin/env bash
# An AppCDS archive of the tool's classes, for a faster start (docs/benchmarks.md, "Start and memory").
#
#   scripts/cds-archive.sh [JAR [DESTINATION]]      defaults: target/cqpi-lti.jar, target/cds
#
# Extracts the jar (Spring Boot's `-Djarmode=tools extract`: DESTINATION/cqpi-lti.jar and its lib/), then starts it
# once until its context is refreshed (-Dspring.context.exit=onRefresh) on a temporary embedded PostgreSQL, and
# writes the classes it loaded to DESTINATION/cqpi-lti.jsa. Run it with the JVM that will run the tool:
#
#   java -XX:SharedArchiveFile=DESTINATION/cqpi-lti.jsa -jar DESTINATION/cqpi-lti.jar
#
# An archive from another JVM or another jar is ignored by the JVM (a warning; the start is slower, nothing else).
# The Dockerfile runs this script when it builds the image.
set -euo pipefail
jar="${1:-target/cqpi-lti.jar}"
dest="${2:-target/cds}"
[ -f "$jar" ] || { echo "No $jar: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }

java -Djarmode=tools -jar "$jar" extract --destination "$dest" --force
dest="$(realpath "$dest")"
training="$(mktemp -d /tmp/cqpi-cds.XXXXXX)"
trap 'rm -rf "$training"' EXIT
# Its own working directory: the référentiels bundled in the jar, whatever sample-courses/ is around.
if ! (cd "$training" && java -XX:ArchiveClassesAtExit="$dest/cqpi-lti.jsa" \
    -Dspring.context.exit=onRefresh -jar "$dest/cqpi-lti.jar" \
    --server.port=0 --cqpi.embedded-db.dir="$training/pg" --spring.datasource.url= \
    --logging.structured.format.console= >"$training/training.log" 2>&1); then
  echo "The training run failed; its log:" >&2
  grep -v '\[cds\]' "$training/training.log" | tail -50 >&2
  exit 1
fi
echo "$dest/cqpi-lti.jsa: $(du -h "$dest/cqpi-lti.jsa" | cut -f1)"
