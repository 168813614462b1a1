"""How often the sign-up form may be used, per address and per client, counted in the database
so every worker counts the same sign-ups. Without it the form would let anyone flood someone's
mailbox with confirmation mail.

A fixed window per key: the first sign-up starts it, and once it has run out the count starts
again. A refused sign-up does not count (it mails nothing). Keys are hashed, so the table is no
list of addresses."""

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.core.errors import TooManyRequestsError
from api.newsletters import repository_subscribers as repository


@dataclass(frozen=True)
class Limit:
    key: str
    most: int
    window: timedelta
    message: str


PER_ADDRESS = (3, timedelta(hours=24))
PER_CLIENT = (20, timedelta(hours=1))


def key_of(kind: str, value: str) -> str:
    # 64 hex characters: the column's width, whatever the value's length.
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def address_key(email: str) -> str:
    return key_of("e-mail", email.casefold())


def signup_limits(email: str, client_address: str) -> list[Limit]:
    most, window = PER_ADDRESS
    client_most, client_window = PER_CLIENT
    return [
        Limit(
            address_key(email),
            most,
            window,
            "Voor dit adres zijn de laatste 24 uur al te veel aanmeldingen gedaan.",
        ),
        Limit(
            key_of("client", client_address),
            client_most,
            client_window,
            "Vanaf dit netwerkadres zijn het laatste uur te veel aanmeldingen gedaan.",
        ),
    ]


def count_signup(session: Session, limits: list[Limit], now: datetime) -> None:
    """Counts one sign-up under every limit, or raises 429 (with Retry-After) counting none."""
    rows = repository.locked_throttle_rows(session, [limit.key for limit in limits], now)
    for limit in limits:
        row = rows[limit.key]
        if now - row.window_started_at >= limit.window:
            row.window_started_at = now
            row.count = 0
    for limit in limits:
        row = rows[limit.key]
        if row.count >= limit.most:
            wait = (row.window_started_at + limit.window - now).total_seconds()
            message = f"{limit.message} Probeer het later opnieuw."
            raise TooManyRequestsError(message, math.ceil(wait))
    for limit in limits:
        rows[limit.key].count += 1
