"""Running the survey through the API for tests: an editor makes and sends a round, the
contacts answer from the mail's link or logged in."""

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User, UserRole
from api.core import clock
from api.core.security import Role
from api.municipalities.models import Municipality
from api.surveys.models import Invitation
from tests.auth import EDITOR, link_token, login, mails


async def person(clients: object, email: str) -> httpx.AsyncClient:
    client: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(client, email)
    return client


async def editor(clients: object) -> httpx.AsyncClient:
    return await person(clients, EDITOR)


async def new_round(
    client: httpx.AsyncClient,
    period: str = "2031-H1",
    opens_on: date | None = None,
    days: int = 21,
    remind_after: int = 7,
) -> dict[str, Any]:
    start = opens_on or clock.today()
    response = await client.post(
        "/api/v1/peilingrondes",
        json={
            "titel": f"Tevredenheidspeiling {period}",
            "periode": period,
            "openOp": start.isoformat(),
            "sluitOp": (start + timedelta(days=days)).isoformat(),
            "herinnerNaDagen": remind_after,
        },
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def send(client: httpx.AsyncClient, round_id: object) -> dict[str, int]:
    response = await client.post(f"/api/v1/peilingrondes/{round_id}/verzending")
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def survey_links(folder: Path) -> dict[str, str]:
    """The latest survey link in the mail, per recipient."""
    return {
        str(m["To"]): link_token(m)
        for m in mails(folder)
        if str(m["Subject"]).startswith(("Peiling:", "Herinnering peiling:"))
    }


def full_answers(
    form: dict[str, Any], score: int = 4, text: str | None = None
) -> list[dict[str, Any]]:
    """An answer to every question of a form: `score` on each scale question, `text` on the
    open ones."""
    given: list[dict[str, Any]] = []
    for q in form["vragen"]:
        if q["soort"] == "schaal":
            given.append({"vraag": q["id"], "score": score})
        elif text is not None:
            given.append({"vraag": q["id"], "tekst": text})
    return given


def add_contact(db: Session, email: str, code: str = "GM0363") -> User:
    user = User(
        email=email,
        name="Nieuwe Contactpersoon",
        role_rows=[UserRole(role=Role.MUNICIPAL_CONTACT)],
        municipalities=[db.get_one(Municipality, code)],
    )
    db.add(user)
    db.flush()
    return user


def invitations(db: Session, round_id: object) -> list[Invitation]:
    return list(
        db.scalars(
            select(Invitation).where(Invitation.round_id == round_id).order_by(Invitation.id)
        )
    )
