"""A contact's choice through the API: nothing until she chooses, a validated choice, only for
a person who speaks for a municipality; and leaving in one click with the secret of a digest
mail, which ends hers and nobody else's."""

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import clock
from api.digests import compose, sending
from api.digests.models import DigestFrequency, DigestPreference
from tests.auth import BOLLENSTREEK, EDITOR, STIMULANSZ, UTRECHT, login, mails

MINE = "/api/v1/mijn-account/persoonlijk-overzicht"
PREVIEW = f"{MINE}/voorbeeld"
UNSUBSCRIBE = "/api/v1/persoonlijk-overzicht/afmelden"


def frequency_of(db: Session, email: str) -> DigestFrequency:
    user_id = db.scalar(select(User.id).where(User.email == email))
    found = db.get(DigestPreference, user_id, populate_existing=True)
    return found.frequency if found else DigestFrequency.NEVER


async def test_nothing_until_she_chooses_then_from_the_next_period(
    client: httpx.AsyncClient,
) -> None:
    await login(client, UTRECHT)

    assert (await client.get(MINE)).json() == {"frequentie": "nooit", "volgendeVerzending": None}
    chosen = await client.put(MINE, json={"frequentie": "wekelijks"})
    assert chosen.status_code == 200, chosen.text
    # Chosen on a Monday after the week began: her first comes next Monday.
    assert chosen.json() == {"frequentie": "wekelijks", "volgendeVerzending": "2026-12-14"}
    monthly = await client.put(MINE, json={"frequentie": "maandelijks"})
    assert monthly.json() == {"frequentie": "maandelijks", "volgendeVerzending": "2027-01-01"}
    assert (await client.get(MINE)).json()["frequentie"] == "maandelijks"


@pytest.mark.parametrize(
    "body",
    [{"frequentie": "dagelijks"}, {}, {"frequentie": "wekelijks", "extra": 1}, {"frequentie": 7}],
)
async def test_a_choice_that_is_none_of_the_three_is_refused(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    await login(client, UTRECHT)

    response = await client.put(MINE, json=body)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert (await client.get(MINE)).json()["frequentie"] == "nooit"


@pytest.mark.parametrize("path", [MINE, PREVIEW])
async def test_only_a_contact_of_a_municipality_has_a_digest(
    client: httpx.AsyncClient, path: str
) -> None:
    assert (await client.get(path)).status_code == 401
    for email in (EDITOR, STIMULANSZ):
        await login(client, email)
        response = await client.get(path)
        assert response.status_code == 403, email
        assert response.headers["content-type"] == "application/problem+json"
        assert (await client.put(MINE, json={"frequentie": "wekelijks"})).status_code == 403


async def test_one_click_in_her_mail_ends_her_digest_and_nobody_elses(
    db: Session, app: FastAPI, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    users = db.scalars(
        select(User)
        .where(User.email.in_([UTRECHT, BOLLENSTREEK]))
        .options(selectinload(User.municipalities), selectinload(User.role_rows))
    ).all()
    for user in users:
        db.add(DigestPreference(user_id=user.id, frequency=DigestFrequency.WEEKLY))
        sending.make_digest(
            db,
            app.state.settings,
            sending.contact_of(user),
            DigestFrequency.WEEKLY,
            compose.Sources(db, clock.now()),
        )
    db.commit()
    (mail,) = [m for m in mails(tmp_path / "outbox") if m["To"] == UTRECHT]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = str(mail["List-Unsubscribe"]).strip("<>")
    address, token = url.split("?token=")
    assert address.endswith(UNSUBSCRIBE)

    assert (await client.post(UNSUBSCRIBE, params={"token": token[::-1]})).status_code == 404
    assert frequency_of(db, UTRECHT) is DigestFrequency.WEEKLY

    # A mail program posts the form of RFC 8058, without a login.
    form = {"List-Unsubscribe": "One-Click"}
    left = await client.post(UNSUBSCRIBE, params={"token": token}, data=form)
    assert left.status_code == 200, left.text
    assert left.json() == {"frequentie": "nooit", "volgendeVerzending": None}
    assert frequency_of(db, UTRECHT) is DigestFrequency.NEVER
    assert frequency_of(db, BOLLENSTREEK) is DigestFrequency.WEEKLY
    again = await client.post(UNSUBSCRIBE, params={"token": token}, data=form)
    assert again.json()["frequentie"] == "nooit"
