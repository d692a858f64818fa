#!/usr/bin/env bash
# The dependencies (those Spring Boot's parent manages included), the version properties and the build plugins that
# have a newer release than the pom's, pre-releases left out (versions-maven-plugin, from Maven Central). Nothing is
# changed: read the report, then update the pom and run the tests.
#
#   scripts/outdated.sh            the report on the console and in target/outdated.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
# The pom's own dependencies and plugins (Boot's parent's whole managed list, 900 entries, is left out: what the
# tool uses of it shows through its starters).
mvn -B -Dstyle.color=never -DprocessDependencyManagement=false \
  versions:display-dependency-updates versions:display-property-updates versions:display-plugin-updates \
  | sed -n 's/^\[INFO\] //p' \
  | grep -v -E '^(Download|Scanning|Building|---|-+$|BUILD|Total time|Finished at|$)' \
  | tee target/outdated.txt
