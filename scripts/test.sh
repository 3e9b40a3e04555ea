#!/usr/bin/env bash
# `npm test`: everything CI runs, in order — types, lint, unit, integration (real Postgres),
# production build, then Playwright e2e in Debian's Chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"

if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Chromium from the OS packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "==> Postgres for tests: ${TEST_DATABASE_URL}"
node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  c.connect().then(() => c.end()).catch((e) => {
    console.error("Cannot reach Postgres at TEST_DATABASE_URL (" + e.message + ").");
    console.error("Start a server (any database on it; the tests create their own) or set TEST_DATABASE_URL.");
    process.exit(1);
  });'

echo "==> typecheck"
npx tsc --noEmit

echo "==> lint"
npx eslint --max-warnings 0 .

echo "==> unit"
npx vitest run --project unit

# Integration tests start real app instances for the SDK and cross-instance tests: build first.
echo "==> build"
npx next build

echo "==> integration (Postgres)"
npx vitest run --project integration

echo "==> e2e (Chromium)"
npx playwright test
