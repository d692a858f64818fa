#!/usr/bin/env bash
# The dependencies (those Spring Boot's parent manages included), the version properties and the build plugins that
# have a newer release than the pom's, pre-releases left out (versions-maven-plugin, from Maven Central). Nothing is
# changed: read the report, then update the pom and run the tests.
#
#   scripts/outdated.sh            the report on the console and in target/outdated.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -B -Dstyle.color=never versions:display-dependency-updates versions:display-property-updates \
  versions:display-plugin-updates -Dversions.outputLineWidth=120 \
  | sed -n 's/^\[INFO\] //p' \
  | grep -E -- '->|^The following|^No dependencies|^All plugins|^--- versions|requires' \
  | tee target/outdated.txt
