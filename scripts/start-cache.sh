#!/usr/bin/env bash
# What the JVM learns from one training start, saved for the next starts (docs/benchmarks.md, "Start and memory").
#
#   scripts/start-cache.sh [JAR [DESTINATION]]      defaults: target/cqpi-lti.jar, target/cds
#
# Extracts the jar (Spring Boot's `-Djarmode=tools extract`: DESTINATION/<the jar's name> and its lib/), then starts it
# once until its context is refreshed (-Dspring.context.exit=onRefresh) on a temporary embedded PostgreSQL, and
# writes what that start loaded:
# - on Java 25 and later, an AOT cache (JEP 483, 514, 515: classes loaded and linked, and the method profiles of
#   the training start) in DESTINATION/cqpi-lti.aot, used with
#       java -XX:AOTCache=DESTINATION/cqpi-lti.aot -jar DESTINATION/cqpi-lti.jar
# - on Java 17 to 24, an AppCDS archive of the classes in DESTINATION/cqpi-lti.jsa, used with
#       java -XX:SharedArchiveFile=DESTINATION/cqpi-lti.jsa -jar DESTINATION/cqpi-lti.jar
# Run it with the JVM, and the JVM options that change the object layout (-XX:+UseCompactObjectHeaders), that will
# run the tool: a cache from another JVM, other such options or another jar is refused by the JVM (a warning; the
# start is slower, nothing else). JVM options for the training start: the JAVA_OPTIONS environment variable.
# The Dockerfile runs this script when it builds the image.
set -euo pipefail
jar="${1:-target/cqpi-lti.jar}"
dest="${2:-target/cds}"
[ -f "$jar" ] || { echo "No $jar: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }
read -r -a options <<<"${JAVA_OPTIONS:-}"

java -Djarmode=tools -jar "$jar" extract --destination "$dest" --force
dest="$(realpath "$dest")"
app="$dest/$(basename "$jar")"
if java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  cache="$dest/cqpi-lti.aot"
  options+=("-XX:AOTCacheOutput=$cache")
else
  cache="$dest/cqpi-lti.jsa"
  options+=("-XX:ArchiveClassesAtExit=$cache")
fi
training="$(mktemp -d /tmp/cqpi-cds.XXXXXX)"
trap 'rm -rf "$training"' EXIT
# Its own working directory: the référentiels bundled in the jar, whatever sample-courses/ is around.
if ! (cd "$training" && java "${options[@]}" \
    -Dspring.context.exit=onRefresh -jar "$app" \
    --server.port=0 --cqpi.embedded-db.dir="$training/pg" --spring.datasource.url= \
    --logging.structured.format.console= >"$training/training.log" 2>&1); then
  echo "The training run failed; its log:" >&2
  grep -v '\[cds\]\|\[aot\]' "$training/training.log" | tail -50 >&2
  exit 1
fi
[ -f "$cache" ] || { echo "The training run wrote no $cache; its log:" >&2; tail -50 "$training/training.log" >&2; exit 1; }
echo "$cache: $(du -h "$cache" | cut -f1)"
