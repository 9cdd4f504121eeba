#!/usr/bin/env bash
# Installs everything (dependencies, docker-registry, the real peers) and runs the whole
# test suite under Node 24 against real registries and real verifiers. Nothing is skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --peers
pnpm -s typecheck
# The end-to-end tests run the dist bundles; make sure they exist for this tree.
[ -f dist/capture-digest/index.js ] || pnpm -s bundle
mkdir -p .cache
# Every temporary file of the run (the harness's runner dirs, keys, layouts, the peers' own) goes
# under one directory, removed when the run ends, so repeated runs do not fill /tmp.
run_tmp="$(mktemp -d "${TMPDIR:-/tmp}/bydigest-test.XXXXXX")"
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp"
set +e
# No `--` before the flags: pnpm 12 hands it on to jest, which then reads every flag after it
# as a test-path pattern ("No tests found").
pnpm -s test --json --outputFile=.cache/jest-results.json "$@"
code=$?
set -e
# A plain closing line any CI log reader understands.
# shellcheck disable=SC2016 # ${...} below is a JavaScript template literal, not shell.
node -e '
  const r = require("./.cache/jest-results.json");
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit $code
