#!/usr/bin/env bash
# `npm test`: every test of the project, against real parts (SPEC §9). Installs the system packages
# it needs (as root), type-checks, then runs the Vitest suites (unit + integration) and the
# Playwright suites inside a private D-Bus session with an unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

bash e2e/setup/system-deps.sh
echo "── type check"
npx tsc --noEmit -p tsconfig.json
if [ -f renderer/tsconfig.json ]; then npx tsc --noEmit -p renderer/tsconfig.json; fi
npx tsc --noEmit -p electron/tsconfig.json

export MCP_TRAY_KEYCHAIN_SERVICE="mcp-tray-test-$$"
echo "── vitest (unit + integration) and playwright, inside a private D-Bus session with gnome-keyring"
reports="$(mktemp -d /tmp/mcp-tray-reports-XXXXXX)"
export REPORTS="$reports"
status=0
dbus-run-session -- bash e2e/setup/with-keyring.sh bash -c '
  set -e
  npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/ui.json" npx playwright test --reporter=list,json
  # The desktop app under Playwright: needs an Electron binary and a display (Xvfb when there is none).
  export PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/electron.json"
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then xvfb-run -a npx playwright test -c playwright.electron.config.ts --reporter=list,json; else npx playwright test -c playwright.electron.config.ts --reporter=list,json; fi
' || status=$?
node e2e/setup/summarize.ts "$reports/vitest.json" "$reports/ui.json" "$reports/electron.json"
rm -rf "$reports"
exit $status
