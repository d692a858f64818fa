#!/usr/bin/env bash
# The project's test command (README, "Test it"), on a fresh Debian machine as on a developer's.
#
#   scripts/test.sh                 every test: mvn -B verify (unit, integration, browser) and the end-to-end
#                                   test against a real Moodle 5.1 (profile moodle-e2e, fr.cqpi.e2e.RealMoodleE2E)
#   scripts/test.sh --without-moodle   mvn -B verify only
#   extra arguments go to Maven (e.g. -Dmoodle.kit=/path/to/kit)
#
# Installs what is missing with apt (sudo when not root): chromium, chromium-driver, maven,
# openjdk-17-jdk-headless, postgresql-client (pg_dump / pg_restore for BackupAndRestoreTest). The Moodle kit is ../shared/moodle beside the repository (MOODLE_KIT to override);
# its moodle.sh installs PHP 8.2 and PostgreSQL itself when the test starts Moodle (root or passwordless sudo).
# Artefacts of the end-to-end test: target/moodle-e2e/ (Moodle's web log, tool.log, screenshots, gradebook.json).
set -euo pipefail
cd "$(dirname "$0")/.."

with_moodle=1
maven_args=()
for arg in "$@"; do
  case "$arg" in
    --without-moodle) with_moodle=0 ;;
    *) maven_args+=("$arg") ;;
  esac
done

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_packages+=(chromium-driver)
command -v mvn >/dev/null 2>&1 || need_packages+=(maven)
command -v java >/dev/null 2>&1 || need_packages+=(openjdk-17-jdk-headless)
command -v pg_dump >/dev/null 2>&1 || need_packages+=(postgresql-client)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing: ${need_packages[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_packages[@]}"
fi

# Versions for the log (a pipe into head must not fail the run under pipefail).
{ java -version 2>&1 || true; } | head -n 1 || true
{ mvn -B -v 2>&1 || true; } | head -n 1 || true
chromium --version || true

if [ "$with_moodle" -eq 1 ]; then
  kit="${MOODLE_KIT:-../shared/moodle}"
  if [ ! -f "$kit/moodle.sh" ] || [ ! -f "$kit/site.php" ] || [ ! -f "$kit/moodle-5.1.tar.xz" ]; then
    echo "scripts/test.sh: no Moodle kit at $kit (moodle.sh, site.php, moodle-5.1.tar.xz):" >&2
    echo "  the real-Moodle end-to-end test cannot run. Set MOODLE_KIT, or pass --without-moodle to skip it." >&2
    exit 1
  fi
  kit="$(cd "$kit" && pwd)"
  if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
    echo "scripts/test.sh: the Moodle kit needs root or passwordless sudo (apt, PostgreSQL); or --without-moodle" >&2
    exit 1
  fi
  echo "Moodle kit: $kit"
  mvn -B verify -Pmoodle-e2e -Dmoodle.kit="$kit" ${maven_args[@]+"${maven_args[@]}"}
else
  mvn -B verify ${maven_args[@]+"${maven_args[@]}"}
fi
