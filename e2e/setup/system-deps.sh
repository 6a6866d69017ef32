#!/usr/bin/env bash
# The Debian packages the test suite runs for real: the Secret Service (gnome-keyring, on a private
# D-Bus), secret-tool as an independent keychain reader, PostgreSQL, git, Chromium for the UI tests,
# Xvfb for window screenshots, systemd-analyze to check the login unit of `mcp-tray service install`,
# bubblewrap for the server sandbox, setpriv (util-linux) to run a sandboxed hub as another user.
# Installed when missing and we are root; otherwise the exact command
# is printed and the run stops.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have dbus-run-session || need+=(dbus)
have gnome-keyring-daemon || need+=(gnome-keyring)
have secret-tool || need+=(libsecret-tools)
have git || need+=(git)
have chromium || need+=(chromium)
have Xvfb || need+=(xvfb)
have systemd-analyze || need+=(systemd)
have bwrap || need+=(bubblewrap)
have setpriv || need+=(util-linux)
[ -x "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -1)" ] || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then exit 0; fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need these Debian packages: ${need[*]}" >&2
  echo "Install them with: sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing test dependencies: ${need[*]}" >&2
sh -c "$cmd" >/tmp/mcp-tray-apt.log 2>&1 || { tail -20 /tmp/mcp-tray-apt.log >&2; echo "apt-get failed; full log: /tmp/mcp-tray-apt.log" >&2; exit 1; }
