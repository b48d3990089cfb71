#!/usr/bin/env bash
# Finds what the tests need outside npm and installs Debian's packages when it can:
#   - a Chromium for the e2e tests (exports CHROMIUM_PATH); Playwright's own browser also works;
#   - redis-server for the Redis views-store tests (skipped with a message where none can be had);
#   - nginx for the cluster test (e2e/cluster.spec.ts, with redis-server; skipped likewise);
#   - openssl for the HTTPS test's certificate (e2e/cluster-tls.spec.ts).
# Sourced by scripts/test-all.sh. Never downloads Playwright's browser (no internet on CI).

can_apt() { command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; }
apt_install() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "Installing Debian's $* with apt-get."
  $sudo apt-get install -y "$@" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y "$@" >/dev/null 2>&1; }
}

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  # Playwright's own browser, where `npx playwright install chromium` was run (a laptop).
  local bundled
  bundled=$(node -e "try{const p=require('playwright-core').chromium.executablePath();if(require('fs').existsSync(p))console.log(p)}catch{}" 2>/dev/null)
  if [ -n "$bundled" ]; then echo "$bundled"; return 0; fi
  return 1
}

if ! command -v redis-server >/dev/null 2>&1 && can_apt; then apt_install redis-server; fi
command -v redis-server >/dev/null 2>&1 || echo "redis-server not found: the Redis store tests will be skipped (Debian: apt-get install -y redis-server)."
# nginx lives in /usr/sbin, which is not on every user's PATH.
has_nginx() { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }
if ! has_nginx && can_apt; then apt_install nginx; fi
has_nginx || echo "nginx not found: the cluster test will be skipped (Debian: apt-get install -y nginx)."
# openssl makes the certificate of the HTTPS test (e2e/cluster-tls.spec.ts).
if ! command -v openssl >/dev/null 2>&1 && can_apt; then apt_install openssl; fi
command -v openssl >/dev/null 2>&1 || echo "openssl not found: the HTTPS test will be skipped (Debian: apt-get install -y openssl)."

if ! CHROMIUM_PATH=$(find_chromium); then
  can_apt && apt_install chromium
  if ! CHROMIUM_PATH=$(find_chromium); then
    cat >&2 <<'MSG'
No Chromium for the end-to-end tests. Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium
  - with internet:  npx playwright install chromium
  - or set CHROMIUM_PATH to a Chromium or Chrome binary.
MSG
    return 1 2>/dev/null || exit 1
  fi
fi
export CHROMIUM_PATH
echo "e2e browser: $CHROMIUM_PATH"
