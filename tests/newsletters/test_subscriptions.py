"""Subscribing to the nieuwsbrief through the HTTP API: double opt-in, the same answer for every
address, the sign-up throttle, managing with the secret of a mail, one-click unsubscribe, export
and erasure, and a signed-in person's own subscription."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.accounts.secrets import hash_token
from api.core import clock
from api.core.errors import TooManyRequestsError
from api.core.requests import RequestContext
from api.core.security import Principal, Role
from api.mail import service as outbox
from api.mail.models import OutboxMessage
from api.mail.service import ERASED_RECIPIENT
from api.newsletters import subscriptions
from api.newsletters.models import (
    Delivery,
    Edition,
    EditionStatus,
    SignupThrottle,
    Subscriber,
    SubscriberStatus,
)
from tests.auth import UTRECHT, link_token, login, mails
from tests.conftest import make_settings
from tests.meeting_concurrency import at_once, own_database, postgres_only

SIGNUPS = "/api/v1/nieuwsbrief/aanmeldingen"
CONFIRM = "/api/v1/nieuwsbrief/aanmeldingen/bevestigen"
SUBSCRIPTION = "/api/v1/nieuwsbrief/abonnement"
UNSUBSCRIBE = "/api/v1/nieuwsbrief/afmelden"
MINE = "/api/v1/mijn-account/nieuwsbrief"
MOMENT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def at_moment() -> Iterator[clock.FixedClock]:
    with clock.fixed_clock(MOMENT) as fixed:
        yield fixed


def _mails_to(tmp_path: Path, address: str) -> list[EmailMessage]:
    return [m for m in mails(tmp_path / "outbox") if m["To"] == address]


def _subscriber(db: Session, email: str) -> Subscriber | None:
    query = select(Subscriber).where(Subscriber.email == email)
    return db.scalars(query.execution_options(populate_existing=True)).one_or_none()


async def _sign_up(client: httpx.AsyncClient, email: str, **choices: Any) -> httpx.Response:
    return await client.post(SIGNUPS, json={"email": email, **choices})


async def _subscribed(client: httpx.AsyncClient, tmp_path: Path, email: str) -> None:
    assert (await _sign_up(client, email)).status_code == 202
    token = link_token(_mails_to(tmp_path, email)[-1])
    assert (await client.post(CONFIRM, json={"token": token})).status_code == 200


def _delivery_token(db: Session, email: str) -> str:
    """An edition mail's own secret, as the sending part stores it."""
    subscriber = _subscriber(db, email)
    assert subscriber is not None
    edition = Edition(title="Nieuwsbrief december", status=EditionStatus.SENT, sections=[])
    db.add(edition)
    db.flush()
    raw, hashed = subscriptions.new_link_secret()
    db.add(Delivery(edition_id=edition.id, subscriber_id=subscriber.id, link_token_hash=hashed))
    # Committed (a savepoint in the test's transaction), so a refused request's rollback keeps it.
    db.commit()
    return raw


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    return body


async def test_double_opt_in_mails_only_the_confirmation_until_confirmed(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    response = await _sign_up(client, "Petra@Example.NL", maatregelen=["M01", "M01"], golven=[1])

    assert response.status_code == 202, response.text
    [confirmation] = _mails_to(tmp_path, "petra@example.nl")
    assert confirmation["Subject"] == "Bevestig uw aanmelding voor de nieuwsbrief"
    text = confirmation.get_content()
    assert "/nieuwsbrief/bevestigen#token=" in text
    assert "geen trackingpixels en geen linktracking" in text
    token = link_token(confirmation)
    stored = _subscriber(db, "petra@example.nl")
    assert stored is not None
    assert stored.status is SubscriberStatus.UNCONFIRMED
    assert stored.confirm_token_hash == hash_token(token), "only the hash is kept"
    assert stored.confirm_expires_at == MOMENT + timedelta(hours=48)
    assert (stored.everything, stored.measures, stored.waves) == (False, ["M01"], [1])
    assert subscriptions.active_subscribers(db, 0, 1000) == []
    # Only a POST confirms: a mail scanner that follows (GETs) links confirms nothing.
    for opened in (CONFIRM, f"{CONFIRM}?token={token}"):
        assert (await client.get(opened)).status_code == 405
    await client.get(f"/nieuwsbrief/bevestigen#token={token}")  # the page (no SPA built here)
    assert subscriptions.active_subscribers(db, 0, 1000) == []

    confirmed = await client.post(CONFIRM, json={"token": token})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["status"] == "actief"
    assert confirmed.json()["bevestigdOp"] is not None
    again = await client.post(CONFIRM, json={"token": token})
    assert again.status_code == 200
    assert again.json() == confirmed.json()
    active = subscriptions.active_subscribers(db, 0, 1000)
    assert [s.email for s in active] == ["petra@example.nl"]
    assert subscriptions.active_subscribers(db, active[0].id, 10) == []
    assert len(_mails_to(tmp_path, "petra@example.nl")) == 1, "confirming mails nothing"


async def test_the_confirmation_link_manages_the_subscription_once_confirmed(
    client: httpx.AsyncClient, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    await _sign_up(client, "anna@example.nl", alles=True)
    token = link_token(_mails_to(tmp_path, "anna@example.nl")[0])
    before = await client.get(SUBSCRIPTION, params={"token": token})
    assert before.status_code == 404, "before confirming, the link manages nothing"
    assert (await client.post(CONFIRM, json={"token": token})).status_code == 200
    mine = await client.get(SUBSCRIPTION, params={"token": token})
    assert mine.status_code == 200, mine.text
    assert mine.json()["email"] == "anna@example.nl"
    assert (await client.post(UNSUBSCRIBE, params={"token": token})).status_code == 200
    after = await client.get(SUBSCRIPTION, params={"token": token})
    assert after.json()["status"] == "afgemeld"
    again = await client.post(CONFIRM, json={"token": token})
    assert again.status_code == 410, "an old confirmation link does not subscribe her again"


async def test_an_expired_confirmation_link_is_refused_with_how_to_sign_up_again(
    client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    with clock.fixed_clock(MOMENT):
        await _sign_up(client, "laat@example.nl", alles=True)
    token = link_token(_mails_to(tmp_path, "laat@example.nl")[0])

    with clock.fixed_clock(MOMENT + timedelta(hours=48, seconds=1)):
        late = await client.post(CONFIRM, json={"token": token})
    problem = _problem(late, 410)
    assert problem["type"].endswith("/probleemtypen/link-verlopen")
    assert "opnieuw aan" in problem["detail"]
    stored = _subscriber(db, "laat@example.nl")
    assert stored is not None
    assert stored.status is SubscriberStatus.UNCONFIRMED

    with clock.fixed_clock(MOMENT + timedelta(hours=47)):
        assert (await client.post(CONFIRM, json={"token": token})).status_code == 200
    _problem(await client.post(CONFIRM, json={"token": "x" * 43}), 404)


async def test_every_address_gets_the_same_answer_and_a_subscriber_the_manage_link(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    new = await _sign_up(client, "nieuw@example.nl", alles=True)
    known = await _sign_up(client, "bekend@example.nl", themas=["aanvraagprocedure"])
    unconfirmed = await _sign_up(client, "bekend@example.nl", themas=["aanvraagprocedure"])
    first, second = _mails_to(tmp_path, "bekend@example.nl")
    assert (await client.post(CONFIRM, json={"token": link_token(first)})).status_code == 404, (
        "only the newest confirmation link works"
    )
    assert (await client.post(CONFIRM, json={"token": link_token(second)})).status_code == 200
    subscribed = await _sign_up(client, "bekend@example.nl", alles=True)

    answers = [(r.status_code, r.json()) for r in (new, known, unconfirmed, subscribed)]
    assert all(answer == answers[0] for answer in answers), answers
    note = _mails_to(tmp_path, "bekend@example.nl")[-1]
    assert note["Subject"] == "U bent al geabonneerd op de nieuwsbrief"
    assert "/nieuwsbrief/beheren#token=" in note.get_content()
    assert note["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mine = await client.get(SUBSCRIPTION, params={"token": link_token(note)})
    assert mine.status_code == 200, mine.text
    assert mine.json()["themas"] == ["aanvraagprocedure"], "a sign-up changes no choices"
    assert mine.json()["alles"] is False


async def test_too_many_sign_ups_are_refused_and_mail_nothing(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    for _ in range(3):
        assert (await _sign_up(client, "veel@example.nl")).status_code == 202
    refused = await _sign_up(client, "veel@example.nl")
    _problem(refused, 429)
    assert 0 < int(refused.headers["Retry-After"]) <= 24 * 3600
    assert len(_mails_to(tmp_path, "veel@example.nl")) == 3
    keys = set(db.scalars(select(SignupThrottle.key)))
    assert not any("veel" in key for key in keys), "keys are hashed"

    # Per client address: 20 an hour, whatever the addresses.
    for number in range(17):
        assert (await _sign_up(client, f"a{number}@example.nl")).status_code == 202
    _problem(await _sign_up(client, "nog-een@example.nl"), 429)
    assert _mails_to(tmp_path, "nog-een@example.nl") == []
    assert _subscriber(db, "nog-een@example.nl") is None

    at_moment.moment += timedelta(hours=1)
    assert (await _sign_up(client, "nog-een@example.nl")).status_code == 202


async def test_one_click_unsubscribe_works_for_the_holder_of_the_mail_only(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    await _subscribed(client, tmp_path, "klik@example.nl")
    token = _delivery_token(db, "klik@example.nl")

    _problem(await client.post(UNSUBSCRIBE, params={"token": "x" * 43}), 404)
    _problem(await client.post(UNSUBSCRIBE, params={"token": "kort"}), 400)
    _problem(await client.post(UNSUBSCRIBE), 400)
    stored = _subscriber(db, "klik@example.nl")
    assert stored is not None
    assert stored.status is SubscriberStatus.ACTIVE

    # What a mail program sends (RFC 8058): a form, no cookie, no login.
    done = await client.post(
        UNSUBSCRIBE, params={"token": token}, data={"List-Unsubscribe": "One-Click"}
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "afgemeld"
    again = await client.post(UNSUBSCRIBE, params={"token": token})
    assert again.status_code == 200
    assert again.json() == done.json()
    assert subscriptions.active_subscribers(db, 0, 1000) == []

    # Changing the choices with the mail's link subscribes her again.
    back = await client.put(SUBSCRIPTION, params={"token": token}, json={"maatregelen": ["M02"]})
    assert back.status_code == 200, back.text
    assert (back.json()["status"], back.json()["maatregelen"]) == ("actief", ["M02"])


async def test_export_shows_everything_held_and_erasure_leaves_nothing(
    client: httpx.AsyncClient,
    db: Session,
    database_url: str,
    tmp_path: Path,
    at_moment: clock.FixedClock,
) -> None:
    await _subscribed(client, tmp_path, "wis@example.nl")
    token = _delivery_token(db, "wis@example.nl")
    delivery = db.scalars(
        select(Delivery).where(Delivery.link_token_hash == hash_token(token))
    ).one()
    settings = make_settings(database_url, tmp_path)
    delivery.outbox_message_id = outbox.send(
        db, settings, to="wis@example.nl", subject="Nieuwsbrief december", body="…"
    )
    # Her other mail (an account's, say) is not the nieuwsbrief's to tell.
    outbox.send(db, settings, to="wis@example.nl", subject="Uw wachtwoord is gewijzigd", body="…")
    db.commit()

    export = await client.get(f"{SUBSCRIPTION}/export", params={"token": token})
    assert export.status_code == 200, export.text
    body = export.json()
    assert body["abonnement"]["email"] == "wis@example.nl"
    assert [d["titel"] for d in body["verzonden"]] == ["Nieuwsbrief december"]
    assert [m["onderwerp"] for m in body["mails"]] == [
        "Bevestig uw aanmelding voor de nieuwsbrief",
        "Nieuwsbrief december",
    ]
    assert body["mails"][0]["verzondenOp"] is not None, "the file backend took it"
    assert set(body["mails"][0]) == {"onderwerp", "klaargezetOp", "verzondenOp"}
    assert body["aanmeldingen"]["aantal"] == 1
    assert "hash" in body["toelichting"]
    assert export.headers["cache-control"] == "no-store"
    assert token not in export.text

    erased = await client.delete(SUBSCRIPTION, params={"token": token})
    assert erased.status_code == 204, erased.text
    assert _subscriber(db, "wis@example.nl") is None
    gone = select(Delivery).where(Delivery.link_token_hash == hash_token(token))
    assert db.scalars(gone).all() == []
    recipients = set(db.scalars(select(OutboxMessage.recipient)))
    assert "wis@example.nl" not in recipients
    assert ERASED_RECIPIENT in recipients
    _problem(await client.get(SUBSCRIPTION, params={"token": token}), 404)
    _problem(await client.delete(SUBSCRIPTION, params={"token": token}), 404)


async def test_a_signed_in_person_subscribes_her_own_address_at_once(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    _problem(await client.put(MINE, json={"alles": True}), 401)
    await login(client, UTRECHT)
    _problem(await client.get(MINE), 404)

    made = await client.put(MINE, json={"maatregelen": ["M01"], "golven": [2]})
    assert made.status_code == 200, made.text
    assert made.json()["status"] == "actief"
    assert made.json()["viaAccount"] is True
    assert (made.json()["maatregelen"], made.json()["golven"]) == (["M01"], [2])
    assert _mails_to(tmp_path, UTRECHT) == [], "no confirmation needed"
    assert [s.email for s in subscriptions.active_subscribers(db, 0, 1000)] == [UTRECHT]

    changed = await client.put(MINE, json={"alles": True})
    assert changed.json()["alles"] is True
    assert changed.json()["maatregelen"] == []
    assert (await client.get(MINE)).json() == changed.json()

    assert (await client.delete(MINE)).status_code == 204
    _problem(await client.get(MINE), 404)
    assert _subscriber(db, UTRECHT) is None
    assert (await client.delete(MINE)).status_code == 204


async def test_an_account_takes_over_an_unconfirmed_sign_up_of_its_address(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    await _sign_up(client, UTRECHT.upper(), alles=True)
    await login(client, UTRECHT)
    made = await client.put(MINE, json={"themas": ["aanvraagprocedure"]})
    assert made.status_code == 200, made.text
    assert made.json()["status"] == "actief"
    stored = _subscriber(db, UTRECHT)
    assert stored is not None
    assert stored.confirm_token_hash is None


@pytest.mark.parametrize(
    ("choices", "invalid"),
    [
        (
            {"maatregelen": ["M99"], "themas": ["geen-thema"], "golven": [42]},
            {"maatregelen", "themas", "golven"},
        ),
        ({"alles": True, "maatregelen": ["M01"]}, {"alles"}),
        ({"alles": False}, {"alles"}),
        ({"golven": [2**40]}, {"golven.0"}),
        ({"maatregelen": ["M\x0001"]}, {"maatregelen"}),
    ],
)
async def test_invalid_choices_are_a_400_and_mail_nothing(
    client: httpx.AsyncClient, tmp_path: Path, choices: dict[str, Any], invalid: set[str]
) -> None:
    problem = _problem(await _sign_up(client, "keuze@example.nl", **choices), 400)
    assert {p["name"] for p in problem["invalidParams"]} == invalid
    assert mails(tmp_path / "outbox") == []
    await login(client, UTRECHT)
    _problem(await client.put(MINE, json=choices), 400)


@pytest.mark.parametrize(
    ("method", "url", "kwargs"),
    [
        ("POST", SIGNUPS, {"json": {"email": "geen-adres"}}),
        ("POST", SIGNUPS, {"json": {"email": "a@b.nl", "onbekend": 1}}),
        ("POST", SIGNUPS, {"content": b"{", "headers": {"Content-Type": "application/json"}}),
        ("POST", SIGNUPS, {"json": {"email": "a\x00@b.nl"}}),
        ("POST", CONFIRM, {"json": {"token": "x" * 500}}),
        ("POST", CONFIRM, {"json": {}}),
        ("GET", SUBSCRIPTION, {"params": {"token": "ä" * 30}}),
        ("PUT", SUBSCRIPTION, {"params": {"token": "x" * 43}, "json": {"golven": "1"}}),
        ("GET", f"{SUBSCRIPTION}/export", {}),
    ],
)
async def test_odd_input_is_a_4xx_never_a_500(
    client: httpx.AsyncClient, method: str, url: str, kwargs: dict[str, Any]
) -> None:
    response = await client.request(method, url, **kwargs)
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_sign_ups_never_confirmed_and_old_counts_are_forgotten(
    client: httpx.AsyncClient, db: Session, tmp_path: Path, at_moment: clock.FixedClock
) -> None:
    await _sign_up(client, "nooit@example.nl", alles=True)
    await _subscribed(client, tmp_path, "wel@example.nl")
    db.commit()

    assert subscriptions.forget_stale(db, MOMENT + timedelta(hours=23)) == (0, 0)
    assert subscriptions.forget_stale(db, MOMENT + timedelta(hours=49)) == (1, 3)
    assert _subscriber(db, "nooit@example.nl") is None
    assert _subscriber(db, "wel@example.nl") is not None
    assert db.scalars(select(SignupThrottle)).all() == []


@postgres_only
def test_ten_sign_ups_of_one_address_at_once_mail_three_times(tmp_path: Path) -> None:
    """The throttle's rows are locked, so parallel sign-ups count one after another: exactly
    the limit is mailed, one subscriber is made, and none fails otherwise."""
    with own_database("newsletter_signups", tmp_path) as (engine, settings):

        def sign_up(n: int) -> None:
            with Session(engine) as session:
                ctx = RequestContext(address=f"10.0.0.{n}", request_id=f"r{n}", user_agent="")
                choices = subscriptions.Choices(everything=True)
                subscriptions.sign_up(session, settings, ctx, "tegelijk@example.nl", choices)
                session.commit()

        errors = at_once(10, sign_up)

        assert len(errors) == 7, errors
        assert all(isinstance(error, TooManyRequestsError) for error in errors), errors
        with Session(engine) as session:
            [subscriber] = session.scalars(select(Subscriber)).all()
            assert subscriber.status is SubscriberStatus.UNCONFIRMED
        assert len(_mails_to(tmp_path, "tegelijk@example.nl")) == 3


@postgres_only
def test_a_person_subscribing_from_several_tabs_at_once_gets_one_subscription(
    tmp_path: Path,
) -> None:
    with own_database("newsletter_accounts", tmp_path) as (engine, _settings):
        with Session(engine) as session:
            person = User(email="Tabs@Example.nl", name="Tineke Tabs", is_active=True)
            session.add(person)
            session.commit()
            me = Principal(kind="user", user_id=person.id, roles=frozenset({Role.EXPERT}))

        def subscribe(n: int) -> None:
            with Session(engine) as session:
                ctx = RequestContext(address="10.0.0.1", request_id=f"r{n}", user_agent="")
                choices = subscriptions.Choices(everything=True)
                subscriptions.subscribe_mine(session, me, ctx, choices)
                session.commit()

        assert at_once(6, subscribe) == []
        with Session(engine) as session:
            [subscriber] = session.scalars(select(Subscriber)).all()
            assert (subscriber.email, subscriber.status) == (
                "tabs@example.nl",
                SubscriberStatus.ACTIVE,
            )
