#!/usr/bin/env bash
# `npm test`: every test, from a fresh clone. Installs what the tests need (npm packages, a
# Chromium), runs content:check, lint, unit tests, the production build of the fixture content
# and the e2e suite, then prints one line "N passed, N failed, N skipped, N retried" (unit + e2e
# tests; a failed check step counts as a failure; with CI=true a skipped test fails the run).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export CI="${CI:-}"
# The e2e server's origin: static pages bake absolute URLs (canonical, og:image) in at build time.
export E2E_PORT="${E2E_PORT:-3210}"
export SITE_URL="${SITE_URL:-http://localhost:$E2E_PORT}"

# An install from before the project brought its own Node.js has no node_modules/.bin/node.
{ [ -d node_modules/next ] && [ -x node_modules/.bin/node ]; } || npm ci --no-audit --no-fund || exit 1
# npm put node_modules/.bin first on PATH: every step below runs on the project's Node.js.
node scripts/runtime/supportedNode.mjs "npm test" || exit 1
rm -rf reports && mkdir -p reports
failed_steps=()

step() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed_steps+=("$name"); return 1; fi
}

browser_ok=1
# shellcheck source=scripts/ensure-test-tools.sh
source scripts/ensure-test-tools.sh || browser_ok=0

step "content:check" npm run --silent content:check
step "lint" npm run --silent lint
# The whole project, scripts, tests and benchmarks included (next build checks only what it bundles).
step "typecheck" npm run --silent typecheck
step "unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json

# The e2e suite runs on frozen fixture content, built into its own folder so `npm start` keeps
# serving the build of content/.
export CONTENT_DIR=tests/fixtures/content NEXT_DIST_DIR=.next-e2e
if step "build (fixture content)" npm run --silent build; then
  if [ "$browser_ok" = 1 ]; then
    step "e2e tests" npx playwright test
  else
    failed_steps+=("e2e tests (no browser)")
  fi
fi

node scripts/test-summary.mjs reports/unit.json reports/e2e.json "${failed_steps[@]}"
