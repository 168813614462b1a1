"""Editing a signal's text, measures and themes (each change in the history), and the
register's filters on age, openness and words."""

from datetime import timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.signals.models import Signal
from tests.signals.helpers import editor, report, walk


async def test_an_edit_changes_only_what_it_names_and_is_recorded(clients: object) -> None:
    e = await editor(clients)
    signal = await report(e, maatregelen=["M01"])
    response = await e.patch(
        f"/api/v1/signalen/{signal['id']}",
        json={"maatregelen": ["M02", "M01"], "themas": ["overig"], "soort": "financien"},
    )
    assert response.status_code == 200, response.text
    read = response.json()
    assert [m["code"] for m in read["maatregelen"]] == ["M01", "M02"]
    assert read["themas"] == ["overig"]
    assert read["soort"] == "financien"
    assert read["titel"] == signal["titel"]
    history = (await e.get(f"/api/v1/signalen/{signal['id']}/geschiedenis")).json()["resultaten"]
    changed = history[-1]
    assert changed["soort"] == "gewijzigd"
    assert set(changed["details"]) == {"maatregelen", "themas", "soort"}
    # The same values again change nothing and add no step.
    again = await e.patch(f"/api/v1/signalen/{signal['id']}", json={"maatregelen": ["M01", "M02"]})
    assert again.json()["versie"] == read["versie"]
    unknown = await e.patch(
        f"/api/v1/signalen/{signal['id']}", json={"maatregelen": ["M99"], "themas": ["niets"]}
    )
    assert unknown.status_code == 400
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {"maatregelen", "themas"}


async def test_the_register_filters_on_age_openness_and_words(clients: object, db: Session) -> None:
    e = await editor(clients)
    old = await report(e, titel="Een oud signaal over de kostendelersnorm")
    new = await report(e, titel="Een nieuw signaal over de bufferregeling")
    closed = await report(e, titel="Een afgewezen signaal over de bufferregeling")
    await walk(e, closed["id"], "afgewezen")
    row = db.get(Signal, old["id"])
    assert row is not None
    row.created_at = clock.now() - timedelta(days=60)
    db.flush()

    async def ids(**params: object) -> set[int]:
        found = await e.get("/api/v1/signalen", params={**params, "paginaGrootte": 100})
        assert found.status_code == 200, found.text
        return {s["id"] for s in found.json()["resultaten"]}

    aged = await ids(ouderDanDagen=30)
    assert old["id"] in aged
    assert new["id"] not in aged
    still_open = await ids(open="true", zoek="bufferregeling")
    assert still_open == {new["id"]}
    assert await ids(zoek="bufferregeling") == {new["id"], closed["id"]}
    listed = (await e.get("/api/v1/signalen", params={"zoek": "kostendelersnorm"})).json()
    [aged_one] = [s for s in listed["resultaten"] if s["id"] == old["id"]]
    assert aged_one["leeftijdDagen"] >= 60
