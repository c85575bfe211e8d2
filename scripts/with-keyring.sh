#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keychain code
# talks to a real Secret Service and never to the user's own keyring.
set -euo pipefail
if [ -n "${PLACET_IN_KEYRING:-}" ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session and gnome-keyring-daemon are needed (bash scripts/system-deps.sh)" >&2
  exit 1
fi
export PLACET_IN_KEYRING=1
exec dbus-run-session -- bash -c '
  set -uo pipefail
  export HOME_KEYRING_DIR=$(mktemp -d)
  export XDG_DATA_HOME="$HOME_KEYRING_DIR"
  # A fresh login keyring, created and unlocked with a throwaway password, without a prompt.
  eval "$(printf "placet-test" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  export GNOME_KEYRING_CONTROL
  "$@"
  status=$?
  rm -rf "$HOME_KEYRING_DIR"
  exit $status
' with-keyring "$@"
