#!/usr/bin/env bash
# `npm test`: type-check, lint (layer rules included), vitest projects, then Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$1"; }
step "type-check";  npm run --silent typecheck
step "lint";        npm run --silent lint
step "unit + renderer"; npx vitest run --project unit --project renderer
step "integration and reliability (real Secret Service, mock gateway)"; bash scripts/with-keyring.sh npx vitest run --project integration --project reliability
step "end-to-end (Chromium, web host)"; npm run --silent test:e2e
