"""Reporting and handling signals through the API for tests."""

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.progress.models import ProgressStatus
from tests.auth import EDITOR, UTRECHT, login


async def person(clients: object, email: str) -> httpx.AsyncClient:
    client: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(client, email)
    return client


async def editor(clients: object) -> httpx.AsyncClient:
    return await person(clients, EDITOR)


async def utrecht(clients: object) -> httpx.AsyncClient:
    return await person(clients, UTRECHT)


async def report(client: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "titel": "Koppeling met het inkomensregister ontbreekt",
        "omschrijving": "Onze leverancier levert de koppeling pas na de ingangsdatum; tot dan "
        "rekenen wij de vrijlating met de hand uit.",
        "soort": "ict-en-leveranciers",
        "maatregelen": ["M01"],
    }
    body.update(overrides)
    response = await client.post("/api/v1/signalen", json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def move(
    client: httpx.AsyncClient, signal_id: object, target: str, **extra: object
) -> httpx.Response:
    return await client.post(
        f"/api/v1/signalen/{signal_id}/statuswijzigingen", json={"naar": target, **extra}
    )


# What each target asks for, so a test can walk any path.
REQUIRED: dict[str, dict[str, object]] = {
    "doorgezet": {"aan": "spoor-2", "tekst": "Doorgezet naar spoor 2 met het bewijs."},
    "reactie-ontvangen": {
        "tekst": "Spoor 2 neemt dit mee in de herziening.",
        "uitkomst": "wetswijziging",
    },
    "afgewezen": {"tekst": "Dit valt buiten de Participatiewet."},
}

PATH = ["in-behandeling", "doorgezet", "reactie-ontvangen", "teruggekoppeld"]


async def walk(client: httpx.AsyncClient, signal_id: object, until: str) -> None:
    """Moves a new signal along the main path up to and including `until`."""
    if until == "gemeld":
        return
    if until == "afgewezen":
        response = await move(client, signal_id, "afgewezen", **REQUIRED["afgewezen"])
        assert response.status_code == 200, response.text
        return
    for step in PATH:
        response = await move(client, signal_id, step, **REQUIRED.get(step, {}))
        assert response.status_code == 200, response.text
        if step == until:
            return


def blocked_cells(
    db: Session, count: int, *, not_in: set[str] | None = None
) -> list[ProgressStatus]:
    """Cells of the demo data with a blocker, of different municipalities."""
    found: list[ProgressStatus] = []
    seen = set(not_in or ())
    for cell in db.scalars(
        select(ProgressStatus)
        .where(ProgressStatus.blockers.is_not(None))
        .order_by(ProgressStatus.municipality_code, ProgressStatus.measure_code)
    ):
        if cell.municipality_code not in seen:
            seen.add(cell.municipality_code)
            found.append(cell)
        if len(found) == count:
            break
    assert len(found) == count, "the demo data has too few blockers"
    return found
