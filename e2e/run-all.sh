#!/usr/bin/env bash
# `npm test`: every suite of the project against real parts (e2e/setup/suites.ts lists them: type
# checks, Vitest unit and integration, Playwright UI and Electron). Installs the system packages the
# tests need (as root; otherwise it prints the exact command), then runs every suite inside a private
# D-Bus session with an unlocked gnome-keyring. Each suite runs even when an earlier one failed; the
# run fails when any suite failed, ran no test or left no report (e2e/setup/run-suites.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

bash e2e/setup/system-deps.sh
export MCP_TRAY_KEYCHAIN_SERVICE="mcp-tray-test-$$"
exec dbus-run-session -- bash e2e/setup/with-keyring.sh node e2e/setup/run-suites.ts "$@"
