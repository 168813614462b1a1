"""A meeting's registrations as a CSV or XLSX file: the same people see the same rows as in
the JSON list (the team and the organiser everyone, a contact her own municipality's), every
column the team needs, a formula in a name shown and never run, and a workbook that opens."""

import csv
import io
import uuid
from collections.abc import Callable
from datetime import timedelta

import httpx
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from api.core import clock
from api.meetings.models import (
    Attendance,
    Audience,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from tests.auth import BOLLENSTREEK, EDITOR, STIMULANSZ, UTRECHT, login

Clients = Callable[[], httpx.AsyncClient]
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = [
    "naam",
    "e-mail",
    "gemeente",
    "organisatie",
    "status",
    "plaats op wachtlijst",
    "aanwezigheid",
]
FORMULA = '=HYPERLINK("https://kwaad.example";"klik")'


def _meeting(db: Session) -> Meeting:
    """Two places, taken by Utrecht and a colleague whose name is a formula; Hillegom waits."""
    start = clock.now().replace(microsecond=0) - timedelta(hours=1)
    meeting = Meeting(
        kind=MeetingKind.WORK_SESSION,
        title="Werksessie giften",
        description="",
        audience=Audience.MUNICIPALITIES,
        is_online=False,
        venue="Stadskantoor",
        address="Stadsplateau 1, Utrecht",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=2,
        status=MeetingStatus.FULL,
        uid=f"{uuid.uuid4()}@spoorboek.test",
    )
    db.add(meeting)
    db.flush()
    now = clock.now()
    people = [
        (
            "Ulla Utrecht (demo)",
            UTRECHT,
            "GM0344",
            RegistrationStatus.REGISTERED,
            Attendance.PRESENT,
        ),
        (FORMULA, "formule@utrecht.example", "GM0344", RegistrationStatus.REGISTERED, None),
        ("Bas Bollenstreek (demo)", BOLLENSTREEK, "GM0534", RegistrationStatus.WAITING, None),
    ]
    for n, (name, email, municipality, status, attendance) in enumerate(people):
        db.add(
            Registration(
                meeting_id=meeting.id,
                name=name,
                email=email,
                municipality_code=municipality,
                status=status,
                attendance=attendance,
                queued_at=now + timedelta(seconds=n),
                registered_at=now + timedelta(seconds=n),
            )
        )
    db.commit()
    return meeting


def _path(meeting: Meeting) -> str:
    return f"/api/v1/bijeenkomsten/{meeting.id}/aanmeldingen"


async def _signed_in(clients: Clients, email: str) -> httpx.AsyncClient:
    c = clients()
    await login(c, email)
    return c


def _csv_rows(response: httpx.Response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a BOM, so Dutch spreadsheet programs read UTF-8"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


async def test_the_team_downloads_every_registration_as_csv(clients: Clients, db: Session) -> None:
    meeting = _meeting(db)
    editor = await _signed_in(clients, EDITOR)
    response = await editor.get(_path(meeting), headers={"Accept": CSV})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert f"aanmeldingen-bijeenkomst-{meeting.id}.csv" in response.headers["Content-Disposition"]
    header, *rows = _csv_rows(response)
    assert header == HEADER
    assert rows == [
        ["Ulla Utrecht (demo)", UTRECHT, "Utrecht", "", "aangemeld", "", "aanwezig"],
        ["'" + FORMULA, "formule@utrecht.example", "Utrecht", "", "aangemeld", "", ""],
        ["Bas Bollenstreek (demo)", BOLLENSTREEK, "Hillegom", "", "wachtlijst", "1", ""],
    ]
    # The JSON list, asked for as before, holds the same people in the same order.
    listed = (await editor.get(_path(meeting))).json()["aanmeldingen"]
    assert [r["email"] for r in listed] == [row[1] for row in rows]


async def test_the_workbook_opens_with_the_same_rows(clients: Clients, db: Session) -> None:
    meeting = _meeting(db)
    editor = await _signed_in(clients, EDITOR)
    response = await editor.get(_path(meeting), headers={"Accept": XLSX})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert response.headers["Cache-Control"] == "private, no-store"
    assert f"aanmeldingen-bijeenkomst-{meeting.id}.xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == HEADER
    assert values[1] == [
        "Ulla Utrecht (demo)",
        UTRECHT,
        "Utrecht",
        None,
        "aangemeld",
        None,
        "aanwezig",
    ]
    # Stored as text starting with an apostrophe: no cell of the workbook is a formula.
    assert values[2][0] == "'" + FORMULA
    assert values[3][4:6] == ["wachtlijst", 1]
    assert all(not (isinstance(v, str) and v.startswith("=")) for row in values for v in row), (
        values
    )


async def test_a_contact_gets_only_her_own_municipalitys_rows(
    clients: Clients, db: Session
) -> None:
    meeting = _meeting(db)
    utrecht = await _signed_in(clients, UTRECHT)
    _, *rows = _csv_rows(await utrecht.get(_path(meeting), headers={"Accept": CSV}))
    assert {row[2] for row in rows} == {"Utrecht"}
    assert len(rows) == 2
    bollenstreek = await _signed_in(clients, BOLLENSTREEK)
    response = await bollenstreek.get(_path(meeting), headers={"Accept": XLSX})
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    assert sheet is not None
    emails = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert emails == [BOLLENSTREEK]


async def test_nobody_else_gets_the_file(
    clients: Clients, client: httpx.AsyncClient, db: Session
) -> None:
    meeting = _meeting(db)
    assert (await client.get(_path(meeting), headers={"Accept": CSV})).status_code == 401
    expert = await _signed_in(clients, STIMULANSZ)
    for media_type in (CSV, XLSX):
        response = await expert.get(_path(meeting), headers={"Accept": media_type})
        assert response.status_code == 403
        assert response.headers["content-type"].startswith("application/problem+json")
    editor = await _signed_in(clients, EDITOR)
    missing = await editor.get(
        "/api/v1/bijeenkomsten/2147483647/aanmeldingen", headers={"Accept": CSV}
    )
    assert missing.status_code == 404


async def test_negotiation(clients: Clients, db: Session) -> None:
    meeting = _meeting(db)
    editor = await _signed_in(clients, EDITOR)
    for accept in ("*/*", "application/json", f"application/json, {CSV}"):
        response = await editor.get(_path(meeting), headers={"Accept": accept})
        assert response.headers["content-type"].startswith("application/json"), accept
        assert len(response.json()["aanmeldingen"]) == 3
    refused = await editor.get(_path(meeting), headers={"Accept": "application/pdf"})
    assert refused.status_code == 406


async def test_the_contract_names_the_file_types(client: httpx.AsyncClient) -> None:
    document = (await client.get("/api/v1/openapi.json")).json()
    operation = document["paths"]["/bijeenkomsten/{id}/aanmeldingen"]["get"]
    content = operation["responses"]["200"]["content"]
    assert {"application/json", CSV, XLSX} <= set(content)
    assert "406" in operation["responses"]
