""" "Was dit nuttig?" on a published product version: one vote per browser or account per
version, a new vote from the same voter replacing the old one.

A voter is known only by a keyed one-way hash (HMAC-SHA256 with a server secret): of the
account's id for a signed-in person, else of a random id the API keeps in a first-party cookie
of the visitor's browser. No address, user agent or name is stored with a vote, and without the
secret the key leads back to nobody. A version whose share of "nuttig" falls below the
threshold gets the products' review flag, once each time the votes cross it."""

import hashlib
import hmac
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.accounts import throttling
from api.accounts.keys import signing_key
from api.accounts.secrets import new_token
from api.core import clock
from api.core.errors import ConflictError, ForbiddenError, TooManyRequestsError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.settings import Settings
from api.products import feedback
from api.satisfaction import repository_votes as repository
from api.satisfaction.models import ProductVote

COOKIE = "spoorboek_stemmer"
COOKIE_DAYS = 400
"""Browsers cap a cookie's life at 400 days; it is renewed with every vote."""
BROWSER_ID = re.compile(r"[A-Za-z0-9_-]{43}")
"""What new_token() makes; anything else in the cookie is ignored and replaced."""
NEW_VOTER_SHARE = 5
"""A browser without the cookie is a new voter: one address may bring a fifth as many of
those as it may cast votes, so a script that throws its cookie away runs out first."""

_secrets: dict[str, bytes] = {}


def _secret(session: Session, settings: Settings) -> bytes:
    if settings.vote_key_secret is not None:
        return settings.vote_key_secret.get_secret_value().encode()
    # Derived from the key every worker already shares (configured, or kept in the database).
    pem = signing_key(session, settings).private_pem
    if pem not in _secrets:
        _secrets[pem] = hashlib.sha256(b"spoorboek:stemmers\0" + pem.encode()).digest()
    return _secrets[pem]


def _key(secret: bytes, identity: str) -> str:
    return hmac.new(secret, identity.encode(), hashlib.sha256).hexdigest()


def valid_browser_id(raw: str | None) -> str | None:
    return raw if raw is not None and BROWSER_ID.fullmatch(raw) else None


def _voter(
    session: Session, settings: Settings, principal: Principal, browser_id: str | None
) -> str | None:
    if principal.kind == "client":
        raise ForbiddenError("Stemmen doen mensen, geen koppelingen.")
    if principal.user_id is not None:
        return _key(_secret(session, settings), f"account:{principal.user_id}")
    if browser_id is None:
        return None
    return _key(_secret(session, settings), f"browser:{browser_id}")


@dataclass(frozen=True)
class Tally:
    version: int
    mine: bool | None
    yes: int
    no: int


def tally(
    session: Session,
    settings: Settings,
    principal: Principal,
    product_id: int,
    browser_id: str | None,
) -> Tally:
    shown = feedback.shown_version(session, product_id)
    voter = _voter(session, settings, principal, browser_id)
    own = repository.vote_of(session, shown.version_id, voter) if voter else None
    yes, no = repository.counts(session, shown.version_id)
    return Tally(shown.number, own.useful if own else None, yes, no)


def _throttle(session: Session, settings: Settings, ctx: RequestContext, new_voter: bool) -> None:
    per_address = settings.product_votes_per_address
    limits = [throttling.Limit(throttling.account_key("stemmen", ctx.address), per_address)]
    if new_voter:
        limits.append(
            throttling.Limit(
                throttling.account_key("nieuwe-stemmers", ctx.address),
                max(per_address // NEW_VOTER_SHARE, 1),
            )
        )
    try:
        # Every vote counts, like a failed login: the keys are hashed addresses.
        throttling.reserve(session, settings, limits)
    except TooManyRequestsError as refused:
        wait = int((refused.headers or {}).get("Retry-After", "60"))
        raise TooManyRequestsError(
            f"Te veel stemmen vanaf dit adres. Probeer het over {wait} seconden opnieuw.", wait
        ) from refused
    throttling.settle(session, settings, limits, throttling.Outcome.FAILED)


def _below(settings: Settings, yes: int, no: int) -> bool:
    total = yes + no
    return (
        total >= settings.product_review_min_votes
        and yes < settings.product_review_useful_share * total
    )


def review_reason(settings: Settings, version: int, yes: int, no: int) -> str:
    share = round(settings.product_review_useful_share * 100)
    return f"Minder dan {share} % vond versie {version} nuttig ({yes} van {yes + no})."


def vote(
    session: Session,
    settings: Settings,
    ctx: RequestContext,
    principal: Principal,
    product_id: int,
    useful: bool,
    seen_version: int | None,
    browser_id: str | None,
) -> tuple[Tally, str | None]:
    """The tally after the vote, and the browser id to keep in the cookie (a new one for a
    browser that had none; the same one renewed otherwise; None for an account)."""
    shown = feedback.shown_version(session, product_id)
    if seen_version is not None and seen_version != shown.number:
        raise ConflictError(
            f"Er is intussen versie {shown.number} gepubliceerd; herlaad de pagina en stem "
            "over die versie.",
            extra={"versie": shown.number},
        )
    anonymous = principal.user_id is None
    if anonymous and principal.kind != "client" and browser_id is None:
        browser_id = new_token()
        new_voter = True
    else:
        new_voter = False
    voter = _voter(session, settings, principal, browser_id)
    assert voter is not None  # noqa: S101 - an account, or a browser id made just now
    _throttle(session, settings, ctx, new_voter)
    # The throttle committed; parallel votes on the product now wait for each other, so only
    # one of them sees the crossing of the threshold.
    shown = feedback.shown_version(session, product_id, lock=True)
    before = repository.counts(session, shown.version_id)
    own = repository.vote_of(session, shown.version_id, voter, for_update=True)
    if own is None:
        fresh = ProductVote(
            product_id=shown.product_id, version_id=shown.version_id, voter_key=voter, useful=useful
        )
        if not repository.add(session, fresh):
            own = repository.vote_of(session, shown.version_id, voter, for_update=True)
    if own is not None and own.useful != useful:
        own.useful = useful
        own.voted_at = clock.now()
    session.flush()
    after = repository.counts(session, shown.version_id)
    # Raised when this vote takes the version below the threshold: an editor who confirmed
    # it is not asked again until the votes have risen above and fallen below once more.
    if not _below(settings, *before) and _below(settings, *after):
        feedback.flag_for_review(
            session,
            shown.product_id,
            review_reason(settings, shown.number, *after),
            principal.subject,
        )
    return Tally(shown.number, useful, *after), (browser_id if anonymous else None)
