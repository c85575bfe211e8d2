#!/usr/bin/env bash
# Installs the Debian packages the project needs, when they are missing:
#   libsecret-1-dev  to build keytar from source (no prebuild can be downloaded here)
#   chromium         for the end-to-end tests and the browser fallback of `npm start`
#   dbus, gnome-keyring  a real Secret Service for the keychain tests
# Needs root (or sudo) on Debian/Ubuntu; elsewhere it says what to install and exits 0.
set -euo pipefail
need=()
dpkg -s libsecret-1-dev >/dev/null 2>&1 || need+=(libsecret-1-dev)
command -v chromium >/dev/null 2>&1 || [ -n "${PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH:-}" ] || need+=(chromium)
command -v dbus-run-session >/dev/null 2>&1 || need+=(dbus)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need+=(gnome-keyring)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: please install: ${need[*]} (or your platform's equivalents)" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "system-deps: run as root, or install: ${need[*]}" >&2; exit 1
  fi
fi
echo "system-deps: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
