#!/usr/bin/env bash
# Verifiers that are not ours, on the tool's credentials. Run by hand; not part of the test command (scripts/test.sh).
#
#   scripts/verify-credentials-outside.sh           runs CredentialsForOutsideVerifiers (the whole tool on an embedded
#                                                   PostgreSQL: a jury validates four blocs, a recours overturns
#                                                   another; writes target/outside-verifiers/), then the verifiers on it
#   scripts/verify-credentials-outside.sh DIR       the verifiers on a directory written before
#   scripts/verify-credentials-outside.sh URL...    the verifiers on credentials of a running tool (/credentials/{id})
#
# Verifiers (pinned in scripts/outside-verifiers/package.json and its lock): the Digital Credentials Consortium's
# @digitalcredentials/verifier-core (VerifierPlus, the Learner Credential Wallet), Digital Bazaar's @digitalbazaar/vc
# with data-integrity, eddsa-rdfc-2022-cryptosuite, did-method-key and vc-bitstring-status-list (offline: the contexts
# the tool bundles), jose for the VC-JWT (OB 3.0 §8.2). Each prints its verdict per credential.
# Needs node >= 20 and npm with the registry reachable; installs once into
# ${XDG_CACHE_HOME:-~/.cache}/cqpi-outside-verifiers/<hash>, never into the repository.
# OFFLINE_SUBSTITUTES=0: let the verifiers fetch purl.imsglobal.org themselves (by default the repository's copies of
# the CLR context and the OB/CLR JSON Schemas answer, for a machine without Internet).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
here=scripts/outside-verifiers

command -v node >/dev/null || { echo "node (>= 20) is needed" >&2; exit 1; }
hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-12)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/cqpi-outside-verifiers/$hash"
if [ ! -d "$cache/node_modules" ]; then
  mkdir -p "$cache"
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  (cd "$cache" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
cp "$here/verify.mjs" "$cache/"

if [ $# -eq 0 ]; then
  mvn=./mvnw
  command -v mvn >/dev/null && mvn=mvn
  "$mvn" -B -q test -Dtest=CredentialsForOutsideVerifiers -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
  set -- target/outside-verifiers
fi
args=()
for arg in "$@"; do
  case "$arg" in
    http://* | https://*) args+=("$arg") ;;
    *) args+=("$(cd "$arg" && pwd)") ;;
  esac
done
echo "Verifiers: $(cd "$cache" && node -e 'const l=require("./package-lock.json").packages;
  console.log(Object.keys(require("./package.json").dependencies).map(n=>n+"@"+l["node_modules/"+n].version).join(", "))')"
node "$cache/verify.mjs" "${args[@]}" "$repo"
