"""What a digest holds is what the progress service says of the contact's own municipalities,
and of no other: the next must-start-by dates, the cells late or at risk (all of them in her
first digest, those that turned since in the next), and the news and meetings about the
measures where a municipality is behind. A shared service's contact gets a part per member."""

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import clock
from api.digests import compose, sending
from api.digests.models import Digest, DigestFrequency
from api.progress import status as progress
from api.progress.deadlines import TrafficLight
from api.questions.models import Channel, Question, QuestionStatus
from tests.auth import BOLLENSTREEK, UTRECHT, login

PREVIEW = "/api/v1/mijn-account/persoonlijk-overzicht/voorbeeld"


def expected(db: Session, user: User, code: str) -> dict[str, Any]:
    """The progress service's answer for one of her municipalities, as the digest shows it."""
    principal = sending.principal_of(user)
    today = clock.today()
    _, cells = progress.progress_of_municipality(db, principal, code, today, None)
    dates = sorted(
        (d.must_start_by, m.code)
        for m, _, d in cells
        if d.must_start_by is not None and d.must_start_by <= today + compose.DATES_AHEAD
    )
    return {
        "dates": [(day.isoformat(), measure) for day, measure in dates],
        "behind": sorted(m.code for m, _, d in cells if d.light is not TrafficLight.ON_TRACK),
        "lights": {m.code: d.light.value for m, _, d in cells},
    }


def shown(section: dict[str, Any]) -> dict[str, Any]:
    return {
        "dates": [(d["moetStartenOp"], d["maatregel"]["code"]) for d in section["startdata"]],
        "behind": section["achterOp"],
    }


def user_of(db: Session, email: str) -> User:
    query = select(User).where(User.email == email)
    options = (selectinload(User.municipalities), selectinload(User.role_rows))
    return db.scalars(query.options(*options)).one()


@pytest.mark.parametrize("email", [UTRECHT, BOLLENSTREEK])
async def test_the_preview_matches_the_progress_service_for_her_municipalities_only(
    db: Session, client: httpx.AsyncClient, email: str
) -> None:
    user = user_of(db, email)
    hers = {m.code for m in user.municipalities}
    await login(client, email)

    response = await client.get(PREVIEW)

    assert response.status_code == 200, response.text
    body = response.json()
    # A part per municipality she speaks for (each member of a shared service), no other.
    assert {s["gemeente"]["code"] for s in body["gemeenten"]} == hers
    for section in body["gemeenten"]:
        code = section["gemeente"]["code"]
        want = expected(db, user, code)
        assert want["dates"], "the demo data has open cells in each of her municipalities"
        assert shown(section) == {"dates": want["dates"], "behind": want["behind"]}
        # Her first digest: every cell late or at risk is named, with its light.
        assert {t["maatregel"]["code"]: t["verkeerslicht"] for t in section["veranderd"]} == {
            m: light for m, light in want["lights"].items() if light != "op-schema"
        }
        links = [i["link"] for part in ("startdata", "veranderd") for i in section[part]]
        assert all(f"/voortgang/gemeenten/{code}/" in link for link in links)
    # The mail names no municipality but hers.
    others = {
        m.code
        for other in (UTRECHT, BOLLENSTREEK)
        if other != email
        for m in user_of(db, other).municipalities
    } - hers
    assert others
    assert not any(code in response.text for code in others)
    assert body["tekst"].startswith(body["onderwerp"])


async def test_the_next_digest_names_only_the_cells_that_turned_since_the_previous(
    db: Session, client: httpx.AsyncClient
) -> None:
    user = user_of(db, UTRECHT)
    (code,) = [m.code for m in user.municipalities]
    lights = {m: light for m, light in expected(db, user, code)["lights"].items()}
    behind = sorted(m for m, light in lights.items() if light != "op-schema")
    assert len(behind) >= 2, "the demo data has Utrecht behind on some measures"
    # Her previous digest saw the first of them on schedule, the rest as they are now.
    first, *rest = behind
    then = clock.now() - timedelta(days=7)
    db.add(
        Digest(
            user_id=user.id,
            period="2026-W49",
            frequency=DigestFrequency.WEEKLY,
            made_at=then,
            lights={code: {m: lights[m] for m in rest}},
        )
    )
    db.flush()
    await login(client, UTRECHT)

    body = (await client.get(PREVIEW)).json()

    (section,) = body["gemeenten"]
    assert [(t["maatregel"]["code"], t["was"]) for t in section["veranderd"]] == [
        (first, "op-schema")
    ]
    assert body["sinds"] == then.isoformat().replace("+00:00", "Z")


async def test_her_questions_answered_since_her_previous_digest_are_in_it(
    db: Session, client: httpx.AsyncClient
) -> None:
    user = user_of(db, UTRECHT)
    then = clock.now() - timedelta(days=7)
    db.add(
        Digest(
            user_id=user.id,
            period="2026-W49",
            frequency=DigestFrequency.WEEKLY,
            made_at=then,
            lights={},
        )
    )
    for subject, answered in (("Nieuw beantwoord", then + timedelta(days=1)), ("Al gemeld", then)):
        db.add(
            Question(
                channel=Channel.WEB_FORM,
                subject=subject,
                text="Hoe zit het?",
                status=QuestionStatus.ANSWERED,
                asker_user_id=user.id,
                municipality_code="GM0344",
                due_date=clock.today(),
                answer=f"Antwoord op {subject.lower()}.",
                answered_at=answered - timedelta(seconds=1),
            )
        )
    db.flush()
    await login(client, UTRECHT)

    body = (await client.get(PREVIEW)).json()

    answers = {a["titel"]: a for a in body["antwoorden"] if a["soort"] == "vraag"}
    assert answers["Nieuw beantwoord"]["tekst"] == "Antwoord op nieuw beantwoord."
    assert "Al gemeld" not in answers
    assert "Vraag: Nieuw beantwoord" in body["tekst"]
