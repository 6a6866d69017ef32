#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keychain tests
# use the real Secret Service without touching the user's own keyring. Call it under
# dbus-run-session: `dbus-run-session -- e2e/setup/with-keyring.sh CMD...`.
set -euo pipefail
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d /tmp/mcp-tray-keyring-XXXXXX)}"
mkdir -p "$XDG_DATA_HOME/keyrings"
# An empty password unlocks a new login keyring; --components=secrets starts only the Secret Service.
eval "$(printf '\n' | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL
keyring_pid="${GNOME_KEYRING_PID:-}"
status=0
"$@" || status=$?
[ -n "$keyring_pid" ] && kill "$keyring_pid" 2>/dev/null || true
exit $status
