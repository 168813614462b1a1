"""The help list's contact moments and call list, and a municipality's activity: a moment is
noted and shown in its row, refused input changes nothing, the call list has the JSON list's
rows, and the activity shows a municipality's people, meetings, questions and signals to the
team and its own contacts only."""

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from api.core import clock
from api.meetings.models import (
    Audience,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from tests.auth import BOLLENSTREEK, EDITOR, UTRECHT, login
from tests.progress.helpers import HELP_URL as URL
from tests.progress.helpers import every_row

Clients = Callable[[], httpx.AsyncClient]
FILTERS = "provincie=PV26&fase=3"
"""Utrecht's province and wave 3: a few dozen rows."""


async def _signed_in(clients: Clients, email: str) -> httpx.AsyncClient:
    client = clients()
    await login(client, email)
    return client


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return row["gemeente"]["code"], row["maatregel"]["code"]


def _moments(row: dict[str, Any]) -> str:
    code, measure = _key(row)
    return f"{URL}/{code}/{measure}/contactmomenten"


async def test_a_contact_moment_is_shown_in_its_row_and_filters_the_list(
    clients: Clients,
) -> None:
    editor = await _signed_in(clients, EDITOR)
    rows = await every_row(editor, FILTERS)
    assert len(rows) >= 2
    assert all(r["laatsteContact"] is None for r in rows)
    first = rows[0]
    today = clock.today()
    earlier = today - timedelta(days=30)
    noted = await editor.post(
        _moments(first), json={"datum": today.isoformat(), "notitie": "  Gebeld met Ulla.  "}
    )
    assert noted.status_code == 201, noted.text
    assert noted.json()["notitie"] == "Gebeld met Ulla."
    assert noted.json()["door"] == "Ruud Redactie (demo)"
    # Noted later, but about an earlier day: the row keeps showing the latest day.
    older = await editor.post(
        _moments(first), json={"datum": earlier.isoformat(), "notitie": "Mail"}
    )
    assert older.status_code == 201, older.text

    again = {_key(r): r for r in await every_row(editor, FILTERS)}
    assert again[_key(first)]["laatsteContact"] == {
        "datum": today.isoformat(),
        "notitie": "Gebeld met Ulla.",
        "door": "Ruud Redactie (demo)",
    }
    history = (await editor.get(_moments(first))).json()["resultaten"]
    assert [m["datum"] for m in history] == [today.isoformat(), earlier.isoformat()]

    contacted = await every_row(editor, f"{FILTERS}&gecontacteerd=ja")
    assert [_key(r) for r in contacted] == [_key(first)]
    not_contacted = await every_row(editor, f"{FILTERS}&gecontacteerd=nee")
    assert len(not_contacted) == len(rows) - 1
    assert _key(first) not in {_key(r) for r in not_contacted}
    # Contacted today: within a week; the earlier moment alone would not have counted.
    recent = await every_row(editor, f"{FILTERS}&gecontacteerd=ja&contactBinnenDagen=7")
    assert [_key(r) for r in recent] == [_key(first)]


async def test_refused_moments_change_nothing_and_only_the_team_may(clients: Clients) -> None:
    editor, contact = await _signed_in(clients, EDITOR), await _signed_in(clients, UTRECHT)
    path = f"{URL}/GM0344/M17/contactmomenten"
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    today = clock.today().isoformat()
    for body, names in [
        ({"datum": tomorrow, "notitie": "Gaan bellen"}, {"datum"}),
        ({"datum": today, "notitie": "x" * 501}, {"notitie"}),
        ({"datum": today, "notitie": "Gebeld\x07"}, {"notitie"}),
        ({"datum": today, "notitie": "   "}, {"notitie"}),
        ({"datum": "7-12-2026", "notitie": "Gebeld"}, {"datum"}),
        ({"datum": today, "notitie": "Gebeld", "door": "iemand"}, {"door"}),
    ]:
        refused = await editor.post(path, json=body)
        assert refused.status_code == 400, (body, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert {p["name"].split(".")[-1] for p in refused.json()["invalidParams"]} == names
    assert (await editor.get(path)).json()["resultaten"] == []

    assert (await editor.post(f"{URL}/GM9999/M17/contactmomenten", json={})).status_code in (
        400,
        404,
    )
    unknown = await editor.post(
        f"{URL}/GM9999/M17/contactmomenten", json={"datum": today, "notitie": "Gebeld"}
    )
    assert unknown.status_code == 404
    assert (await contact.post(path, json={"datum": today, "notitie": "Zelf"})).status_code == 403
    assert (await contact.get(path)).status_code == 403
    assert (await contact.get(f"{URL}?formaat=csv")).status_code == 403
    assert (await editor.get(path)).json()["resultaten"] == []


async def test_the_call_list_has_the_rows_of_the_list(clients: Clients) -> None:
    editor = await _signed_in(clients, EDITOR)
    rows = await every_row(editor, FILTERS)
    first = rows[0]
    noted = await editor.post(
        _moments(first), json={"datum": clock.today().isoformat(), "notitie": "=HYPERLINK(1)"}
    )
    assert noted.status_code == 201, noted.text

    response = await editor.get(f"{URL}?{FILTERS}&formaat=csv&paginaGrootte=1")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    name = f"bellijst-hulp-nodig-{clock.today().isoformat()}.csv"
    assert name in response.headers["content-disposition"]
    lines = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    # Every row, not one page, in the same order.
    assert [(r["gemeente"], r["maatregel"]) for r in lines] == [_key(r) for r in rows]
    line, row = lines[0], rows[0]
    assert line["laatsteContact"] == clock.today().isoformat()
    assert line["laatsteContactNotitie"] == "'=HYPERLINK(1)", "never a formula"
    assert line["laatsteContactDoor"] == "Ruud Redactie (demo)"
    assert line["verkeerslicht"] in {"Te laat", "Risico"}
    for person in row["contactpersonen"]:
        assert f"{person['naam']} <{person['code']}>" in line["contactpersonen"]
    for cause in row["oorzaken"]:
        assert cause["toelichting"] in line["oorzaken"]
    assert all(r["laatsteContact"] == "" for r in lines[1:])

    xlsx = await editor.get(f"{URL}?{FILTERS}&formaat=xlsx&gecontacteerd=nee")
    assert xlsx.status_code == 200, xlsx.text
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("gemeente", "gemeentenaam", "maatregel")
    assert [(v[0], v[2]) for v in values[1:]] == [_key(r) for r in rows[1:]]


def _registration(db: Session, meeting: Meeting, code: str, email: str) -> None:
    db.add(
        Registration(
            meeting_id=meeting.id,
            municipality_code=code,
            name="Ulla Utrecht (demo)",
            email=email,
            status=RegistrationStatus.REGISTERED,
        )
    )


def _meeting(db: Session, title: str, days: int) -> Meeting:
    starts = clock.now().replace(microsecond=0) + timedelta(days=days)
    meeting = Meeting(
        kind=MeetingKind.WEBINAR,
        title=title,
        description="",
        audience=Audience.MUNICIPALITIES,
        is_online=True,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        status=MeetingStatus.OPEN,
        uid=f"{uuid4()}@spoorboek",
        sequence=0,
        version=1,
    )
    db.add(meeting)
    db.flush()
    return meeting


async def test_a_municipalitys_activity(clients: Clients, db: Session) -> None:
    coming, past = _meeting(db, "Webinar giften", 10), _meeting(db, "Spreekuur inkomen", -20)
    elsewhere = _meeting(db, "Regiodag", 5)
    _registration(db, coming, "GM0344", "a@utrecht.example")
    _registration(db, coming, "GM0344", "b@utrecht.example")
    _registration(db, past, "GM0344", "a@utrecht.example")
    _registration(db, elsewhere, "GM0363", "c@amsterdam.example")
    db.commit()
    contact, editor = await _signed_in(clients, UTRECHT), await _signed_in(clients, EDITOR)
    asked = await contact.post(
        "/api/v1/vragen",
        json={"onderwerp": "Giften", "vraag": "Hoe tellen giften mee?", "maatregelen": ["M01"]},
    )
    assert asked.status_code == 201, asked.text
    reported = await contact.post(
        "/api/v1/signalen",
        json={
            "titel": "Koppeling ontbreekt",
            "omschrijving": "De leverancier levert te laat.",
            "soort": "ict-en-leveranciers",
            "maatregelen": ["M01"],
        },
    )
    assert reported.status_code == 201, reported.text

    for reader in (editor, contact):
        response = await reader.get("/api/v1/gemeenten/GM0344/activiteit")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["gemeente"] == {"code": "GM0344", "naam": "Utrecht"}
        assert UTRECHT in {p["code"] for p in body["contactpersonen"]}
        # Beside the demo's meetings, soonest first and latest first.
        soon = body["komendeBijeenkomsten"]
        assert ("Webinar giften", 2) in {(m["titel"], m["plaatsen"]) for m in soon}
        assert "Regiodag" not in {m["titel"] for m in soon}
        assert [m["begin"] for m in soon] == sorted(m["begin"] for m in soon)
        before = body["afgelopenBijeenkomsten"]
        assert "Spreekuur inkomen" in {m["titel"] for m in before}
        assert {m["status"] for m in before} == {"afgelopen"}
        assert [m["begin"] for m in before] == sorted((m["begin"] for m in before), reverse=True)
        assert body["vragen"][0]["id"] == asked.json()["id"], "the latest first"
        assert body["vragenTotaal"] >= len(body["vragen"])
        assert body["signalen"][0]["id"] == reported.json()["id"], "the latest first"
        assert body["signalenTotaal"] >= len(body["signalen"])

    other = await editor.get("/api/v1/gemeenten/GM0363/activiteit")
    assert "Regiodag" in {m["titel"] for m in other.json()["komendeBijeenkomsten"]}
    assert reported.json()["id"] not in {s["id"] for s in other.json()["signalen"]}
    bollenstreek = await _signed_in(clients, BOLLENSTREEK)
    for reader, code in [(contact, "GM0363"), (bollenstreek, "GM0344"), (editor, "GM9999")]:
        refused = await reader.get(f"/api/v1/gemeenten/{code}/activiteit")
        assert refused.status_code == 404, (code, refused.text)
    assert (await clients().get("/api/v1/gemeenten/GM0344/activiteit")).status_code == 401


async def test_sorted_by_the_forecasts_chance(clients: Clients) -> None:
    editor = await _signed_in(clients, EDITOR)
    by_urgency = await every_row(editor, FILTERS)
    by_chance = await every_row(editor, f"{FILTERS}&sorteer=kans")
    chance: dict[tuple[str, str], float] = {}
    url: str | None = f"/api/v1/voortgang/prognose?{FILTERS}&paginaGrootte=100"
    while url:
        forecast = await editor.get(url)
        assert forecast.status_code == 200, forecast.text
        chance |= {_key(r): r["kans"] for r in forecast.json()["resultaten"]}
        following = forecast.json()["_links"].get("next")
        url = following["href"] if following else None
    assert sorted(map(_key, by_chance)) == sorted(map(_key, by_urgency))
    chances = [chance.get(_key(r), 0.0) for r in by_chance]
    assert chances == sorted(chances, reverse=True)
    assert len(set(chances)) > 1, "the order says something"
    for value in set(chances):
        tied = [_key(r) for r in by_chance if chance.get(_key(r), 0.0) == value]
        assert tied == [_key(r) for r in by_urgency if _key(r) in set(tied)], "then by urgency"
    assert (await editor.get(f"{URL}?sorteer=willekeurig")).status_code == 400
