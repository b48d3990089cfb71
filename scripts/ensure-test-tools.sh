#!/usr/bin/env bash
# Finds a Chromium for the e2e tests and exports CHROMIUM_PATH; installs Debian's when it can.
# Sourced by scripts/test-all.sh. Never downloads Playwright's browser (no internet on CI).

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

if ! CHROMIUM_PATH=$(find_chromium); then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    echo "No Chromium found: installing Debian's chromium with apt-get."
    $SUDO apt-get install -y chromium >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y chromium >/dev/null 2>&1; }
  fi
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
