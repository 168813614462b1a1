# syntax=docker/dockerfile:1
#
# Spoorboek: one image with the API and the built SPA.
#
#   docker build -t spoorboek .
#   docker run -p 8000:8000 -e DATABASE_URL=postgresql://user:pass@db/spoorboek spoorboek
#   docker run --rm -e DATABASE_URL=... spoorboek spoorboek seed      # load reference data
#   docker run -d -e DATABASE_URL=... spoorboek spoorboek jobs scheduler   # the scheduled jobs
#
# The image's command is the server only. The scheduled jobs (mail of notifications, daily
# summaries, reminders, outbox retries) need the scheduler as a second container or process
# from this image with the same settings, as above; or a cron-like trigger (a Kubernetes
# CronJob, crontab) calling `spoorboek jobs scheduler --once` every minute. Several schedulers,
# on several machines, are safe: each job runs once per period. See docs/jobs.md.
#
# Without DATABASE_URL the container uses SQLite in /app/var (mount a volume there to keep it).

# ---- Stage 1: build the SPA ---------------------------------------------------------------------
FROM node:20-bookworm-slim AS spa

# The browser tests are not run here; never fetch a browser during `npm ci`.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

WORKDIR /src
# `npm run build` generates the typed API client from ../openapi/openapi.json, so the contract
# sits next to frontend/ exactly as in the repository.
COPY openapi/openapi.json openapi/openapi.json
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN cd frontend && npm run build

# ---- Stage 2: the service -----------------------------------------------------------------------
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv \
    && groupadd --system spoorboek \
    && useradd --system --gid spoorboek --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin spoorboek

WORKDIR /app

# Why an editable install: `spoorboek migrate` finds alembic.ini and migrations/ two levels above
# api/core/ (PROJECT_ROOT in api/core/migrations.py). A regular install would put the package in
# site-packages, away from them, and migrating would fail. Installed in editable mode, the code
# runs from /app/api, with alembic.ini and migrations/ beside it, exactly as in a checkout. The
# seed data (api/seed/data) is read from the same place.
COPY pyproject.toml README.md LICENSE alembic.ini ./
COPY migrations/ migrations/
COPY api/ api/
# The check runs from / so that it imports the package through the install, not from the
# working directory.
RUN pip install -e . \
    && cd / && python -c "import api.core.migrations as m; assert (m.PROJECT_ROOT / 'alembic.ini').is_file()"

COPY --from=spa /src/frontend/dist/ frontend/dist/

# The only place the process writes: the default SQLite database. The code stays root-owned.
RUN mkdir -p /app/var && chown spoorboek:spoorboek /app/var

ENV SPOORBOEK_SPA_DIST=/app/frontend/dist \
    SPOORBOEK_LOG_FORMAT=json

USER spoorboek
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/opt/venv/bin/python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4)"]

# The server only (the scheduler is a container of its own, see the top of this file).
# Migrate, then replace the shell with the server so it receives signals directly. With several
# replicas, run `spoorboek migrate` once as a separate step before starting them instead.
CMD ["sh", "-c", "spoorboek migrate && exec spoorboek serve --host 0.0.0.0 --port 8000 --workers \"${WEB_CONCURRENCY:-2}\""]
