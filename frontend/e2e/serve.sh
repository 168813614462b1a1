#!/usr/bin/env bash
# Starts the real Spoorboek backend for the browser tests: a fresh SQLite database (unless
# E2E_DATABASE_URL names one), migrated, seeded and filled with demo data, serving frontend/dist.
# Playwright's webServer runs this and stops it with SIGTERM (gracefulShutdown in
# playwright.config.ts); the trap below then stops the server and removes the temp folder.
set -euo pipefail

frontend="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$frontend"

port="${PORT:-${E2E_PORT:-8765}}"
bin="${SPOORBOEK_BIN:-../.venv/bin/spoorboek}"
# E2E_DIST: a build of its own, so a rebuild of frontend/dist during a run cannot swap the assets.
dist="${E2E_DIST:-$frontend/dist}"

if [[ ! -f "$dist/index.html" ]]; then
  echo "e2e/serve.sh: $dist/index.html is missing; build the SPA first (npm run build, or npm run e2e which builds)." >&2
  exit 1
fi
if [[ ! -x "$bin" ]]; then
  echo "e2e/serve.sh: no spoorboek executable at '$bin' (set SPOORBOEK_BIN, or install the backend into ../.venv)." >&2
  exit 1
fi

# Everything this run writes (the SQLite file, the setup log, the mail the server "sends") stays
# inside the project, under the git-ignored test-results/, and is removed when the server stops.
# Playwright also empties test-results/ before each run, so a killed run leaves nothing for long.
# The folder's name depends only on the port, so the tests can find the mail (e2e/mail.ts).
workdir="$frontend/test-results/e2e-server-$port"
rm -rf "$workdir"
mkdir -p "$workdir"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

export DATABASE_URL="${E2E_DATABASE_URL:-sqlite:///$workdir/spoorboek.db}"
export SPOORBOEK_SPA_DIST="$dist"
export SPOORBOEK_LOG_LEVEL="${SPOORBOEK_LOG_LEVEL:-WARNING}"
# Demo mode: the demo accounts exist and the demo admin needs no second factor.
export SPOORBOEK_ENVIRONMENT=demo
# Mail goes to .eml files that the tests read (the invitation link), never to a server.
export SPOORBOEK_MAIL_BACKEND=file
export SPOORBOEK_MAIL_FILE_DIR="$workdir/mail"
mkdir -p "$SPOORBOEK_MAIL_FILE_DIR"
# Uploaded files, too, stay in the temp folder (the default is var/bestanden under the cwd).
export SPOORBOEK_STORAGE_DIR="$workdir/bestanden"
# The tests share one stored login per role for the whole run (e2e/sessions.ts). Such a session
# must never need a refresh: the refresh token rotates, and the second test to present the old
# one would end the session for every test of that role. So access tokens outlive a run here;
# the refresh itself is tested by removing the access cookie (e2e/accounts.spec.ts).
export SPOORBOEK_ACCESS_TOKEN_MINUTES=60

# The seed commands draw progress bars; keep them out of the test log unless something fails.
setup_log="$workdir/setup.log"
if ! { "$bin" migrate && "$bin" seed && "$bin" demo; } >"$setup_log" 2>&1; then
  cat "$setup_log" >&2
  echo "e2e/serve.sh: preparing the database failed." >&2
  exit 1
fi

# Not exec: this shell stays to clean up. `wait` returns as soon as a signal arrives, so the
# TERM trap runs at once instead of after the server has exited by itself.
"$bin" serve --host 127.0.0.1 --port "$port" &
server_pid=$!
wait "$server_pid"
