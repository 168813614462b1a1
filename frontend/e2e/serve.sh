#!/usr/bin/env bash
# Starts the real Spoorboek backend for the browser tests: a fresh SQLite database (unless
# E2E_DATABASE_URL names one), migrated, seeded and filled with demo data, serving frontend/dist.
# Playwright's webServer runs this and stops it when the tests end.
set -euo pipefail

frontend="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$frontend"

port="${PORT:-${E2E_PORT:-8765}}"
bin="${SPOORBOEK_BIN:-../.venv/bin/spoorboek}"
dist="$frontend/dist"

if [[ ! -f "$dist/index.html" ]]; then
  echo "e2e/serve.sh: $dist/index.html is missing; build the SPA first (npm run build, or npm run e2e which builds)." >&2
  exit 1
fi
if [[ ! -x "$bin" ]]; then
  echo "e2e/serve.sh: no spoorboek executable at '$bin' (set SPOORBOEK_BIN, or install the backend into ../.venv)." >&2
  exit 1
fi

# Left behind after the run (exec below replaces this shell, so no trap can remove it): a small
# SQLite file and the setup log, under the system temp folder.
workdir="$(mktemp -d "${TMPDIR:-/tmp}/spoorboek-e2e.XXXXXX")"
export DATABASE_URL="${E2E_DATABASE_URL:-sqlite:///$workdir/spoorboek.db}"
export SPOORBOEK_SPA_DIST="$dist"
export SPOORBOEK_LOG_LEVEL="${SPOORBOEK_LOG_LEVEL:-WARNING}"

# The seed commands draw progress bars; keep them out of the test log unless something fails.
setup_log="$workdir/setup.log"
if ! { "$bin" migrate && "$bin" seed && "$bin" demo; } >"$setup_log" 2>&1; then
  cat "$setup_log" >&2
  echo "e2e/serve.sh: preparing the database failed (log: $setup_log)." >&2
  exit 1
fi
exec "$bin" serve --host 127.0.0.1 --port "$port"
