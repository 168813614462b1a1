"""A measure's version: every editor's change of the measure or of its roadmap raises it, and a
change (or its preview) that names an older one in If-Match is refused with 412 and changes
nothing, so two editors at the same measure never overwrite each other unseen."""

from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.progress.models import RoadmapStep
from tests.auth import EDITOR, login

MEASURE = "/api/v1/maatregelen/M05"
ROADMAP = f"{MEASURE}/routekaart"


def _if_match(version: int) -> dict[str, str]:
    return {"If-Match": f'"v{version}"'}


def _steps(roadmap: dict[str, Any]) -> list[dict[str, Any]]:
    keep = ("code", "titel", "omschrijving", "startDagen", "eindeDagen", "afhankelijkVan")
    return [{k: s[k] for k in keep} for s in roadmap["stappen"]]


def _written(db: Session) -> tuple[int, int]:
    """The audit trail's length and the roadmap steps stored: what any change adds to."""
    audit = db.scalar(select(func.count()).select_from(AuditEvent)) or 0
    steps = db.scalar(select(func.count()).select_from(RoadmapStep)) or 0
    return audit, steps


def _refused(response: httpx.Response, current: int) -> None:
    assert response.status_code == 412, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["huidigeVersie"] == current
    assert response.headers["etag"] == f'"v{current}"'


async def test_the_second_of_two_editors_is_refused_and_changes_nothing(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    first, second, public = clients(), clients(), clients()
    await login(first, EDITOR)
    await login(second, EDITOR)
    read = (await public.get(MEASURE)).json()
    version = read["versie"]

    saved = await first.patch(
        MEASURE, json={"titel": "Eerste redacteur"}, headers=_if_match(version)
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["versie"] == version + 1
    assert saved.headers["etag"] == f'"v{version + 1}"'
    assert saved.headers["cache-control"] == "private, no-store"

    written = _written(db)
    late = await second.patch(
        MEASURE, json={"titel": "Tweede redacteur"}, headers=_if_match(version)
    )
    _refused(late, version + 1)
    after = (await public.get(MEASURE)).json()
    assert (after["titel"], after["versie"]) == ("Eerste redacteur", version + 1)
    assert _written(db) == written

    # With the version it now reads, the second editor's change goes through.
    again = await second.patch(
        MEASURE, json={"titel": "Tweede redacteur"}, headers=_if_match(version + 1)
    )
    assert again.status_code == 200, again.text
    assert again.json()["titel"] == "Tweede redacteur"


async def test_without_if_match_a_change_is_not_checked_and_still_counted(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = clients()
    await login(editor, EDITOR)
    version = (await editor.get(MEASURE)).json()["versie"]
    unchanged = await editor.patch(MEASURE, json={})
    assert unchanged.status_code == 200, unchanged.text
    assert unchanged.json()["versie"] == version, "nothing changed, no new version"
    changed = await editor.patch(MEASURE, json={"samenvatting": "Anders samengevat."})
    assert changed.status_code == 200, changed.text
    assert changed.json()["versie"] == version + 1
    malformed = await editor.patch(
        MEASURE, json={"samenvatting": "Nog eens."}, headers={"If-Match": "W/*"}
    )
    assert malformed.status_code == 412, "a tag the server never gave matches nothing"


async def test_a_new_roadmap_raises_the_measures_version_and_an_old_one_is_refused(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, public = clients(), clients()
    await login(editor, EDITOR)
    roadmap = (await public.get(ROADMAP)).json()
    version = roadmap["versie"]
    assert version == (await public.get(MEASURE)).json()["versie"]
    steps = _steps(roadmap)
    shorter = steps[:-1]

    saved = await editor.put(ROADMAP, json={"stappen": shorter}, headers=_if_match(version))
    assert saved.status_code == 200, saved.text
    assert saved.json()["versie"] == version + 1
    assert saved.headers["etag"] == f'"v{version + 1}"'
    assert (await public.get(MEASURE)).json()["versie"] == version + 1

    written = _written(db)
    # Both a roadmap and a change of the measure made on the state before are refused.
    _refused(
        await editor.put(ROADMAP, json={"stappen": steps}, headers=_if_match(version)), version + 1
    )
    _refused(
        await editor.patch(MEASURE, json={"titel": "Te laat"}, headers=_if_match(version)),
        version + 1,
    )
    assert _written(db) == written
    assert [s["code"] for s in (await public.get(ROADMAP)).json()["stappen"]] == [
        s["code"] for s in shorter
    ]


async def test_a_preview_checks_if_match_as_saving_does_and_raises_nothing(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = clients()
    await login(editor, EDITOR)
    roadmap = (await editor.get(ROADMAP)).json()
    version = roadmap["versie"]
    body = {"stappen": _steps(roadmap)}
    written = _written(db)
    for path, payload in ((MEASURE, {"titel": "Voorvertoond"}), (ROADMAP, body)):
        current = await editor.post(
            f"{path}/voorvertoning", json=payload, headers=_if_match(version)
        )
        assert current.status_code == 200, current.text
        stale = await editor.post(
            f"{path}/voorvertoning", json=payload, headers=_if_match(version - 1)
        )
        assert stale.status_code == 412, stale.text
    assert (await editor.get(MEASURE)).json()["versie"] == version
    assert _written(db) == written
