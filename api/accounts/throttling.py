"""Login throttling per account and per address, with exponential backoff, kept in the
database so that every worker counts the same failures.

An attempt is *reserved* before the secret is verified, in a short transaction of its own that
is committed at once: parallel attempts see each other, so no more are verified than the limit
allows, on PostgreSQL as on SQLite. Reading the failures first and counting them after the
verification would let thirty parallel guesses all be verified against a limit of five.

The reservation counts as a failure until the attempt is settled: a failure stays counted (and
locks once the limit is reached), a success gives the slot back. When every slot is taken by
attempts still being verified, a new attempt waits briefly for them to settle instead of being
verified beside them."""

import enum
import hashlib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.accounts.models import LoginThrottle
from api.core import clock
from api.core.errors import TooManyRequestsError
from api.core.queries import locked_by_key
from api.core.settings import Settings

# Failures older than this no longer count.
WINDOW = timedelta(minutes=15)
# No verification takes this long: pending attempts older than this died with their worker.
PENDING_LIFETIME = timedelta(seconds=60)
# How long an attempt waits for attempts in flight to settle before it is refused.
MAX_WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Limit:
    key: str
    threshold: int
    counted: bool = True
    """False: the key is only checked for a lock, this kind of attempt does not count for it."""
    reset_on_success: bool = False
    """True: a success forgets the failures (an account), False: they stay (an address)."""


class Outcome(enum.Enum):
    FAILED = "failed"
    SUCCEEDED = "succeeded"
    UNDECIDED = "undecided"
    """Neither: the password was right but the second factor is still to come."""


def account_key(kind: str, identifier: str) -> str:
    # Hashed, so the throttle table does not become a list of e-mail addresses.
    digest = hashlib.sha256(identifier.casefold().encode()).hexdigest()[:40]
    return f"{kind}:{digest}"


def address_key(address: str) -> str:
    return f"adres:{address}"


def sign_in_limits(settings: Settings, kind: str, identifier: str, address: str) -> list[Limit]:
    """The limits of a sign-in with a secret: per account (or client) and per address."""
    return [
        Limit(account_key(kind, identifier), settings.login_max_failures, reset_on_success=True),
        Limit(address_key(address), settings.login_max_failures_per_address),
    ]


def reserve(session: Session, settings: Settings, limits: list[Limit]) -> None:
    """Reserve one attempt under every limit and commit, or raise 429 without reserving."""
    deadline = time.monotonic() + MAX_WAIT_SECONDS
    while True:
        wait = _try_reserve(session, limits, clock.now())
        # The one commit outside the session dependency: parallel attempts must see this
        # reservation before the slow verification starts (and a lock or a full slot must not
        # be held while waiting).
        session.commit()
        if wait is None:
            return
        if wait > 0 or time.monotonic() >= deadline:
            raise _too_many(max(wait, 1.0))
        time.sleep(POLL_SECONDS)


def settle(
    session: Session,
    settings: Settings,
    limits: list[Limit],
    outcome: Outcome,
) -> None:
    """Record how a reserved attempt ended, in the request's transaction."""
    now = clock.now()
    counted = [limit for limit in limits if limit.counted]
    rows = _locked_rows(session, [limit.key for limit in counted], now)
    for limit in counted:
        row = rows[limit.key]
        row.pending = max(row.pending - 1, 0)
        if outcome is Outcome.FAILED:
            _count_failure(settings, row, limit.threshold, now)
        elif outcome is Outcome.SUCCEEDED and limit.reset_on_success:
            row.failures = 0
            row.blocked_until = None


def _try_reserve(session: Session, limits: list[Limit], now: datetime) -> float | None:
    """None when reserved; else how long the caller must wait (0: slots are taken by attempts
    still in flight, try again shortly)."""
    rows = _locked_rows(session, [limit.key for limit in limits], now)
    waits = [
        (row.blocked_until - now).total_seconds()
        for row in rows.values()
        if row.blocked_until is not None and row.blocked_until > now
    ]
    if waits:
        return max(waits)
    for limit in limits:
        row = rows[limit.key]
        if row.pending_until is None or row.pending_until <= now:
            row.pending = 0
        if limit.counted and row.pending >= _capacity(row, limit.threshold, now):
            return 0.0
    for limit in limits:
        if limit.counted:
            row = rows[limit.key]
            row.pending += 1
            row.pending_until = now + PENDING_LIFETIME
    return None


def _capacity(row: LoginThrottle, threshold: int, now: datetime) -> int:
    """How many attempts may be verified at once: the failures still allowed, and after a
    lock has run out one at a time, so the next failure backs off further."""
    failures = 0 if now - row.last_failure_at > WINDOW else row.failures
    return max(threshold - failures, 1)


def _count_failure(settings: Settings, row: LoginThrottle, threshold: int, now: datetime) -> None:
    if now - row.last_failure_at > WINDOW:
        row.failures = 0
    row.failures += 1
    row.last_failure_at = now
    if row.failures >= threshold:
        doublings = min(row.failures - threshold, 16)
        lockout = min(
            settings.login_lockout_seconds * 2**doublings, settings.login_max_lockout_seconds
        )
        row.blocked_until = now + timedelta(seconds=lockout)


def _locked_rows(session: Session, keys: list[str], now: datetime) -> dict[str, LoginThrottle]:
    return locked_by_key(
        session,
        LoginThrottle,
        keys,
        lambda key: LoginThrottle(key=key, failures=0, pending=0, last_failure_at=now),
    )


def _too_many(seconds: float) -> TooManyRequestsError:
    wait = int(seconds) + 1
    return TooManyRequestsError(
        f"Te veel mislukte pogingen. Probeer het over {wait} seconden opnieuw.", wait
    )
