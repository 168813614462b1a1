"""The rules of subscribing to the nieuwsbrief: double opt-in for anyone, at once for a signed-in
person's own address, and managing, exporting, erasing or leaving with the secret of a mail.

What a sign-up answers never tells whether an address was known: a new or unconfirmed address
gets the confirmation link, a subscribed one a note with the link to manage it, and the caller
hears the same either way. An unconfirmed address gets nothing but that link. Secrets are kept
only as hashes; holding a mail (its manage secret, or the secret of one edition's mail) is what
gives the right to manage the subscription it was sent to."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.accounts import users
from api.accounts.models import User
from api.accounts.secrets import hash_token, new_token
from api.audit import service as audit
from api.core import clock
from api.core.errors import DomainError, NotFoundError
from api.core.requests import RequestContext
from api.core.retries import with_retries
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.mail import service as mail
from api.mail.models import OutboxMessage
from api.newsletters import repository_subscribers as repository
from api.newsletters import subscription_mails, throttle
from api.newsletters.models import Delivery, Edition, SignupThrottle, Subscriber, SubscriberStatus

CONFIRM_HOURS = 48
UNKNOWN_LINK = "Deze link bestaat niet (meer). Kopieer de hele link uit de nieuwste e-mail."
SIGNUP_AGAIN = (
    "Meld u opnieuw aan via het aanmeldformulier van de nieuwsbrief; u krijgt dan een nieuwe "
    "bevestigingslink."
)


class LinkExpiredError(DomainError):
    status = 410
    title = "Link verlopen"
    problem_type = "link-verlopen"


@dataclass(frozen=True)
class Choices:
    everything: bool | None
    """None: everything when nothing is chosen, else only what is chosen."""
    measures: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    waves: list[int] = field(default_factory=list)


def _checked(session: Session, choices: Choices, invalid: InvalidParams) -> Choices:
    """The choices without duplicates, in order, each code known; both all and a selection,
    or neither, is refused."""
    measures = sorted(set(choices.measures))
    themes = sorted(set(choices.themes))
    waves = sorted(set(choices.waves))
    chosen = bool(measures or themes or waves)
    everything = not chosen if choices.everything is None else choices.everything
    if everything and chosen:
        invalid.add(
            "alles",
            "conflicting_choice",
            "Kies alles, of een selectie van maatregelen, thema's en golven; niet allebei.",
            "body",
        )
    if not everything and not chosen:
        invalid.add(
            "alles",
            "nothing_chosen",
            "Kies alles, of ten minste één maatregel, thema of golf.",
            "body",
        )
    known_measures = repository.existing_measures(session, measures)
    for code in measures:
        if code not in known_measures:
            invalid.add("maatregelen", "unknown_value", f"Maatregel '{code}' bestaat niet.", "body")
    known_themes = repository.existing_themes(session, themes)
    for code in themes:
        if code not in known_themes:
            invalid.add("themas", "unknown_value", f"Thema '{code}' bestaat niet.", "body")
    known_waves = repository.existing_waves(session, waves)
    for number in waves:
        if number not in known_waves:
            invalid.add("golven", "unknown_value", f"Golf {number} bestaat niet.", "body")
    return Choices(everything, measures, themes, waves)


def _apply(subscriber: Subscriber, choices: Choices) -> None:
    subscriber.everything = bool(choices.everything)
    subscriber.measures = [] if choices.everything else choices.measures
    subscriber.themes = [] if choices.everything else choices.themes
    subscriber.waves = [] if choices.everything else choices.waves


def _activate(subscriber: Subscriber, now: datetime) -> None:
    subscriber.status = SubscriberStatus.ACTIVE
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
    subscriber.unsubscribed_at = None


def _record(session: Session, ctx: RequestContext, event: str, actor: str, sub: Subscriber) -> None:
    # The subscriber's number only: the audit log is no list of addresses.
    audit.record(session, ctx, f"nieuwsbrief.{event}", actor=actor, subject=f"abonnee:{sub.id}")


# ---------------------------------------------------------------------------------------------
# Signing up and confirming


def sign_up(
    session: Session, settings: Settings, ctx: RequestContext, email: str, choices: Choices
) -> None:
    """Mails the confirmation link (new, unconfirmed or left) or the manage link (subscribed);
    the caller answers the same in every case."""
    email = email.strip().lower()
    invalid = InvalidParams()
    checked = _checked(session, choices, invalid)
    invalid.raise_if_any()
    now = clock.now()
    throttle.count_signup(session, throttle.signup_limits(email, ctx.address), now)
    found = repository.by_email(session, email)
    if found is not None and found.status is SubscriberStatus.ACTIVE:
        # Only the hash of the manage secret is kept, so the note carries a new one; the links
        # of the edition mails have secrets of their own and keep working. Her choices stay:
        # whoever signs up her address may not change them.
        manage = new_token()
        found.manage_token_hash = hash_token(manage)
        subscription_mails.send_already_subscribed(session, settings, email, manage)
        return
    if found is None:
        found = Subscriber(
            email=email,
            status=SubscriberStatus.UNCONFIRMED,
            manage_token_hash=hash_token(new_token()),
        )
        session.add(found)
    found.status = SubscriberStatus.UNCONFIRMED
    _apply(found, checked)
    # Only the newest confirmation link works: the hash of an earlier one is replaced.
    confirm = new_token()
    found.confirm_token_hash = hash_token(confirm)
    found.confirm_expires_at = now + timedelta(hours=CONFIRM_HOURS)
    session.flush()
    subscription_mails.send_confirmation(session, settings, email, confirm, CONFIRM_HOURS)


def confirm(session: Session, ctx: RequestContext, token: str) -> Subscriber:
    """Makes the subscription active; a link followed twice changes nothing the second time."""
    found = repository.by_confirm_hash(session, hash_token(token))
    if found is None:
        raise NotFoundError(
            "Deze bevestigingslink bestaat niet (meer). Gebruik de link uit de nieuwste "
            f"bevestigingsmail. {SIGNUP_AGAIN}"
        )
    if found.status is SubscriberStatus.ACTIVE:
        return found
    now = clock.now()
    if found.confirm_expires_at is None or found.confirm_expires_at <= now:
        raise LinkExpiredError(
            f"Deze bevestigingslink is verlopen: hij werkt {CONFIRM_HOURS} uur. {SIGNUP_AGAIN}"
        )
    # The moment of this consent, also when an earlier one (before leaving) is on record.
    found.confirmed_at = now
    _activate(found, now)
    _record(session, ctx, "bevestigd", "anonymous", found)
    return found


# ---------------------------------------------------------------------------------------------
# With the secret of a mail, without a login


def by_link(session: Session, token: str) -> Subscriber:
    found = repository.by_link_hash(session, hash_token(token))
    if found is None:
        raise NotFoundError(UNKNOWN_LINK)
    return found


def change_by_link(
    session: Session, ctx: RequestContext, token: str, choices: Choices
) -> Subscriber:
    """New choices; whoever had left (or not confirmed yet) is subscribed again: she holds a
    mail sent to the address, which is all a confirmation would show."""
    found = by_link(session, token)
    invalid = InvalidParams()
    checked = _checked(session, choices, invalid)
    invalid.raise_if_any()
    _apply(found, checked)
    if found.status is not SubscriberStatus.ACTIVE:
        _activate(found, clock.now())
        _record(session, ctx, "hervat", "anonymous", found)
    return found


def unsubscribe_by_link(session: Session, ctx: RequestContext, token: str) -> Subscriber:
    """One click (RFC 8058): no more editions. Again changes nothing."""
    found = by_link(session, token)
    if found.status is SubscriberStatus.UNSUBSCRIBED:
        return found
    found.status = SubscriberStatus.UNSUBSCRIBED
    found.unsubscribed_at = clock.now()
    # An old confirmation link must not subscribe her again (confirming it is now "expired");
    # as a mail's link it still shows her subscription, as every mail's link does.
    found.confirm_expires_at = None
    _record(session, ctx, "afgemeld", "anonymous", found)
    return found


@dataclass(frozen=True)
class Export:
    subscriber: Subscriber
    deliveries: list[tuple[Delivery, Edition]]
    signups: SignupThrottle | None
    """The sign-ups counted for the address in the current window (its key is a hash)."""
    mails: list[OutboxMessage]
    """The nieuwsbrief's mails to the address that the outbox still holds."""


def export_by_link(session: Session, token: str) -> Export:
    found = by_link(session, token)
    return Export(
        found,
        repository.deliveries_of(session, found.id),
        repository.throttle_row(session, throttle.address_key(found.email)),
        repository.mails_to(session, found.email, found.id, subscription_mails.SUBJECTS),
    )


def erase_by_link(session: Session, ctx: RequestContext, token: str) -> None:
    """Erasure on request: everything held about the address goes (the subscription, which
    editions it got, the sign-up count), and the address on the mail in the outbox too."""
    found = by_link(session, token)
    email = found.email
    _erase(session, ctx, found, "anonymous")
    mail.forget_recipient(session, email)


def _erase(session: Session, ctx: RequestContext, found: Subscriber, actor: str) -> None:
    _record(session, ctx, "gewist", actor, found)
    repository.erase(session, found, throttle.address_key(found.email))


# ---------------------------------------------------------------------------------------------
# A signed-in person's own address


def _of_account(session: Session, user: User) -> Subscriber | None:
    return repository.by_email(session, user.email.strip().lower()) or repository.by_user(
        session, user.id
    )


def mine(session: Session, principal: Principal) -> Subscriber:
    found = _of_account(session, users.my_account(session, principal))
    if found is None:
        raise NotFoundError("U bent niet geabonneerd op de nieuwsbrief.")
    return found


def subscribe_mine(
    session: Session, principal: Principal, ctx: RequestContext, choices: Choices
) -> Subscriber:
    """Subscribes the account's own address at once, or changes the choices: the account shows
    the address is hers, so no confirmation link is needed."""
    user = users.my_account(session, principal)
    invalid = InvalidParams()
    checked = _checked(session, choices, invalid)
    invalid.raise_if_any()
    email = user.email.strip().lower()

    def write() -> Subscriber:
        found = _of_account(session, user)
        if found is None:
            found = Subscriber(
                email=email,
                status=SubscriberStatus.ACTIVE,
                manage_token_hash=hash_token(new_token()),
            )
            session.add(found)
        # Her address may have changed since she subscribed; no other subscription holds the
        # new one, or it would have been found first.
        found.email = email
        found.user_id = user.id
        found.confirm_token_hash = None
        found.confirm_expires_at = None
        _apply(found, checked)
        _activate(found, clock.now())
        session.flush()
        return found

    # A sign-up of the same address committed meanwhile (a form, a second tab) makes the insert
    # fail on the unique address; again, it finds that row and changes it instead.
    found = with_retries(session, write, retry_if=lambda exc: isinstance(exc, IntegrityError))
    _record(session, ctx, "account", principal.subject, found)
    return found


def leave_mine(session: Session, principal: Principal, ctx: RequestContext) -> None:
    """Leaving from the account forgets the subscription altogether; nothing if there is none.
    The outbox is left alone: it holds the account's other mail too, which may still be on its
    way (an erasure of the address is asked for with the link in a mail, or of the account)."""
    found = _of_account(session, users.my_account(session, principal))
    if found is not None:
        _erase(session, ctx, found, principal.subject)


# ---------------------------------------------------------------------------------------------
# For the sending of editions


def active_subscribers(session: Session, after_id: int, limit: int) -> list[Subscriber]:
    """The next `limit` active subscribers after `after_id`, in id order (a send goes through
    them in batches)."""
    return repository.active_after(session, after_id, limit)


def new_link_secret() -> tuple[str, str]:
    """The secret for the links of one mail and the hash to store (Delivery.link_token_hash):
    the raw secret goes into the mail only."""
    raw = new_token()
    return raw, hash_token(raw)


def forget_stale(session: Session, now: datetime | None = None) -> tuple[int, int]:
    """For a periodic job: sign-ups whose confirmation link ran out unused are forgotten (an
    address that never confirmed is not kept), and so are sign-up counts whose window has
    passed. Returns how many of each."""
    now = now or clock.now()
    oldest_window = max(throttle.PER_ADDRESS[1], throttle.PER_CLIENT[1])
    return (
        repository.delete_expired_unconfirmed(session, now),
        repository.delete_throttle_before(session, now - oldest_window),
    )
