"""The steering report: its figures equal a count over every signal in the database, its periods
are Dutch calendar days, its workbook carries the same numbers, and only the team reads it."""

import io
import statistics
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.core import clock
from api.signals.models import Body, Signal
from tests.auth import PARTNER, STIMULANSZ, machine_token
from tests.signals.helpers import editor, person, report, utrecht, walk

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
REPORT = "/api/v1/signalen/rapportage"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def at(day: str, hour: int = 12, minute: int = 0) -> datetime:
    """A moment on a Dutch calendar day."""
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), AMSTERDAM).replace(
        hour=hour, minute=minute
    )


def place(db: Session, signal_id: object, **moments: datetime | None) -> None:
    signal = db.get_one(Signal, signal_id)
    for name, value in moments.items():
        setattr(signal, name, value)
    db.flush()


def expected(db: Session, van: date, tot: date, measured: datetime) -> dict[str, Any]:
    """The report counted by hand over every signal: periods compared as Dutch calendar days."""
    signals = db.scalars(select(Signal).options(selectinload(Signal.measures))).all()

    def within(moment: datetime | None) -> bool:
        return moment is not None and van <= moment.astimezone(AMSTERDAM).date() <= tot

    raised = [s for s in signals if within(s.created_at)]
    closed = [s for s in signals if within(s.closed_at)]
    still_open = [
        s
        for s in signals
        if s.created_at < measured and (s.closed_at is None or s.closed_at >= measured)
    ]

    def ages(days: list[int]) -> dict[str, Any]:
        if not days:
            return {"aantal": 0, "mediaanDagen": None, "langsteDagen": None}
        return {
            "aantal": len(days),
            "mediaanDagen": statistics.median(days),
            "langsteDagen": max(days),
        }

    bodies = Counter(
        s.passed_to if s.passed_on_at is not None and s.passed_on_at < measured else None
        for s in still_open
    )
    measures = Counter((m.code, m.title) for s in raised for m in s.measures)
    return {
        "gemeld": len(raised),
        "doorgezet": sum(within(s.passed_on_at) for s in signals),
        "beantwoord": sum(within(s.responded_at) for s in signals),
        "afgesloten": len(closed),
        "leeftijdOpen": ages([(measured - s.created_at).days for s in still_open]),
        "leeftijdAfgesloten": ages(
            [(s.closed_at - s.created_at).days for s in closed if s.closed_at is not None]
        ),
        "openPerInstantie": {(b.value if b else None): bodies[b] for b in [*Body, None]},
        "soorten": Counter(s.kind.value for s in raised),
        "maatregelen": sorted(measures.items(), key=lambda item: (-item[1], item[0][0]))[:10],
    }


def as_counted(body: dict[str, Any]) -> dict[str, Any]:
    """The answer in the shape of `expected`."""
    return {
        "gemeld": body["gemeld"],
        "doorgezet": body["doorgezet"],
        "beantwoord": body["beantwoord"],
        "afgesloten": body["afgesloten"],
        "leeftijdOpen": body["leeftijdOpen"],
        "leeftijdAfgesloten": body["leeftijdAfgesloten"],
        "openPerInstantie": {r["aan"]: r["aantal"] for r in body["openPerInstantie"]},
        "soorten": Counter({r["soort"]: r["aantal"] for r in body["soorten"]}),
        "maatregelen": [
            ((r["maatregel"]["code"], r["maatregel"]["naam"]), r["aantal"])
            for r in body["maatregelen"]
        ],
    }


async def _spring_2024(e: httpx.AsyncClient, db: Session) -> dict[str, int]:
    """Signals placed around the first quarter of 2024, named by what they test."""
    made: dict[str, int] = {}

    async def new(name: str, until: str, **overrides: object) -> int:
        signal = await report(e, titel=f"Rapportage: {name}", **overrides)
        await walk(e, signal["id"], until)
        made[name] = signal["id"]
        return int(signal["id"])

    place(db, await new("open", "in-behandeling", soort="financien"), created_at=at("2024-01-10"))
    place(
        db,
        await new("doorgezet", "doorgezet", maatregelen=["M02", "M03"]),
        created_at=at("2023-12-20"),
        passed_on_at=at("2024-02-01"),
    )
    place(
        db,
        await new("teruggekoppeld", "teruggekoppeld", maatregelen=["M02"]),
        created_at=at("2024-02-01"),
        passed_on_at=at("2024-02-10"),
        responded_at=at("2024-03-05"),
        fed_back_at=at("2024-03-20"),
        closed_at=at("2024-03-20"),
    )
    # Dutch days: 23:30 on 31 March is in the quarter; 00:30 on 1 April is not, though it is
    # still 31 March in UTC.
    place(
        db,
        await new("afgewezen laat", "afgewezen", soort="ketenpartners"),
        created_at=at("2024-03-01"),
        closed_at=at("2024-03-31", 23, 30),
    )
    place(db, await new("net na het kwartaal", "gemeld"), created_at=at("2024-04-01", 0, 30))
    place(
        db,
        await new("later doorgezet", "doorgezet"),
        created_at=at("2024-01-05"),
        passed_on_at=at("2024-04-10"),
    )
    place(
        db,
        await new("later teruggekoppeld", "teruggekoppeld", soort="financien"),
        created_at=at("2024-02-15"),
        passed_on_at=at("2024-02-20"),
        responded_at=at("2024-04-20"),
        fed_back_at=at("2024-05-01"),
        closed_at=at("2024-05-01"),
    )
    return made


async def test_a_quarter_equals_a_count_over_every_signal(clients: object, db: Session) -> None:
    e = await editor(clients)
    await _spring_2024(e, db)
    response = await e.get(REPORT, params={"van": "2024-01-01", "tot": "2024-03-31"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["periode"] == {"van": "2024-01-01", "tot": "2024-03-31"}
    # A past quarter is measured at its end: midnight in Amsterdam (summer time by then).
    end = datetime(2024, 3, 31, 22, tzinfo=UTC)
    assert datetime.fromisoformat(body["peilmoment"]) == end
    assert as_counted(body) == expected(db, date(2024, 1, 1), date(2024, 3, 31), end)
    # The signals placed by hand, read plainly: five raised in the quarter (the one at 00:30 on
    # 1 April in Amsterdam is not), two closed; at its end "later doorgezet" is open and not yet
    # passed on, "later teruggekoppeld" open and with spoor 2.
    assert body["gemeld"] == 5
    assert body["afgesloten"] == 2
    assert body["doorgezet"] == 3
    assert body["beantwoord"] == 1
    per_body = {r["aan"]: r["aantal"] for r in body["openPerInstantie"]}
    assert (per_body[None], per_body["spoor-2"]) == (2, 2)
    assert body["leeftijdOpen"]["langsteDagen"] == (end - at("2023-12-20")).days


async def test_the_next_quarter_and_a_period_in_progress(clients: object, db: Session) -> None:
    e = await editor(clients)
    await _spring_2024(e, db)
    second = (await e.get(REPORT, params={"van": "2024-04-01"})).json()
    assert second["periode"] == {"van": "2024-04-01", "tot": "2024-06-30"}, "the rest of it"
    end = datetime(2024, 6, 30, 22, tzinfo=UTC)
    assert as_counted(second) == expected(db, date(2024, 4, 1), date(2024, 6, 30), end)
    assert second["gemeld"] == 1
    # The running quarter is measured now, and holds the demo register too.
    today = clock.today()
    running = (await e.get(REPORT)).json()
    first_month = 3 * ((today.month - 1) // 3) + 1
    assert running["periode"]["van"] == date(today.year, first_month, 1).isoformat()
    measured = datetime.fromisoformat(running["peilmoment"])
    assert abs(measured - clock.now()) < timedelta(minutes=1)
    van = date.fromisoformat(running["periode"]["van"])
    tot = date.fromisoformat(running["periode"]["tot"])
    assert as_counted(running) == expected(db, van, tot, measured)


async def test_the_workbook_carries_the_same_numbers(clients: object, db: Session) -> None:
    e = await editor(clients)
    await _spring_2024(e, db)
    period = {"van": "2024-01-01", "tot": "2024-03-31"}
    figures = (await e.get(REPORT, params=period)).json()
    response = await e.get(REPORT, params={**period, "formaat": "xlsx"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert (
        response.headers["content-disposition"]
        == 'attachment; filename="stuurrapportage-2024-01-01-2024-03-31.xlsx"'
    )
    assert "no-store" in response.headers["cache-control"]
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    summary = {
        label: value
        for label, value in book["Stuurrapportage"].iter_rows(min_row=2, values_only=True)
    }
    assert summary["gemeld"] == figures["gemeld"]
    assert summary["doorgezet"] == figures["doorgezet"]
    assert summary["beantwoord"] == figures["beantwoord"]
    assert summary["afgesloten"] == figures["afgesloten"]
    assert summary["open"] == figures["leeftijdOpen"]["aantal"]
    assert summary["open: mediaan leeftijd (dagen)"] == figures["leeftijdOpen"]["mediaanDagen"]
    assert summary["open: langste leeftijd (dagen)"] == figures["leeftijdOpen"]["langsteDagen"]
    assert (
        summary["afgesloten: langste leeftijd (dagen)"]
        == figures["leeftijdAfgesloten"]["langsteDagen"]
    )
    bodies = list(book["Open per instantie"].iter_rows(min_row=2, values_only=True))
    assert bodies == [
        (r["aan"] or "nog niet doorgezet", r["aantal"]) for r in figures["openPerInstantie"]
    ]
    kinds = list(book["Soorten"].iter_rows(min_row=2, values_only=True))
    assert kinds == [(r["soort"], r["aantal"]) for r in figures["soorten"]]
    measures = list(book["Maatregelen"].iter_rows(min_row=2, values_only=True))
    assert measures == [
        (r["maatregel"]["code"], r["maatregel"]["naam"], r["aantal"])
        for r in figures["maatregelen"]
    ]
    assert measures, "the quarter has signals about measures"


@pytest.mark.parametrize(
    "params",
    [
        {"van": "2024-04-01", "tot": "2024-03-31"},
        {"van": "0001-01-01"},
        {"tot": "9999-12-31"},
        {"van": "1-1-2024"},
        {"formaat": "pdf"},
    ],
)
async def test_an_impossible_period_is_a_400(clients: object, params: dict[str, str]) -> None:
    e = await editor(clients)
    response = await e.get(REPORT, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["invalidParams"]


async def test_only_the_team_reads_the_report(clients: object, client: httpx.AsyncClient) -> None:
    assert (await client.get(REPORT)).status_code == 401
    assert (await client.get(REPORT, params={"formaat": "xlsx"})).status_code == 401
    contact = await utrecht(clients)
    assert (await contact.get(REPORT)).status_code == 403
    assert (await contact.get(REPORT, params={"formaat": "xlsx"})).status_code == 403
    expert = await person(clients, STIMULANSZ)
    assert (await expert.get(REPORT)).status_code == 403
    token = await machine_token(client, PARTNER.client_id, PARTNER.secret)
    machine = await client.get(REPORT, headers={"Authorization": f"Bearer {token}"})
    assert machine.status_code == 403


async def test_the_report_refuses_what_the_client_does_not_take(clients: object) -> None:
    e = await editor(clients)
    assert (await e.get(REPORT, headers={"Accept": "text/csv"})).status_code == 406
    as_json = await e.get(
        REPORT, params={"formaat": "xlsx"}, headers={"Accept": "application/json"}
    )
    assert as_json.status_code == 406
