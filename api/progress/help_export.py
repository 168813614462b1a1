"""The help list as a call list: every row for the same filters, one line each, as CSV or XLSX,
for advisors who phone down a list."""

import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook

from api.core.opendata import csv_bytes
from api.core.text import spreadsheet_cell
from api.progress.causes import CauseKind
from api.progress.deadlines import TrafficLight
from api.progress.schemas import HelpNeeded

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = (
    "gemeente",
    "gemeentenaam",
    "maatregel",
    "maatregelnaam",
    "verkeerslicht",
    "oorzaken",
    "volgendeStap",
    "uitersteStart",
    "contactpersonen",
    "laatsteContact",
    "laatsteContactNotitie",
    "laatsteContactDoor",
)
LIGHT_LABELS = {
    TrafficLight.LATE: "Te laat",
    TrafficLight.AT_RISK: "Risico",
    TrafficLight.ON_TRACK: "Op schema",
}
CAUSE_LABELS = {CauseKind.PROGRESS: "Eigen voortgang", CauseKind.ICT: "Door ICT"}


def file_name(today: date, extension: str) -> str:
    return f"bellijst-hulp-nodig-{today.isoformat()}.{extension}"


def _cells(row: HelpNeeded) -> list[object]:
    step = row.volgende_stap
    contact = row.laatste_contact
    values: Sequence[object] = (
        row.gemeente.code,
        row.gemeente.naam,
        row.maatregel.code,
        row.maatregel.naam,
        LIGHT_LABELS[row.verkeerslicht],
        " | ".join(f"{CAUSE_LABELS[c.soort]}: {c.toelichting}" for c in row.oorzaken),
        step.titel if step else None,
        step.uiterste_start.isoformat() if step else None,
        ", ".join(f"{p.naam} <{p.code}>" for p in row.contactpersonen),
        contact.datum.isoformat() if contact else None,
        contact.notitie if contact else None,
        contact.door if contact else None,
    )
    return [spreadsheet_cell(v) for v in values]


def to_csv(rows: list[HelpNeeded]) -> bytes:
    return csv_bytes(COLUMNS, (_cells(r) for r in rows))


def to_xlsx(rows: list[HelpNeeded]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Hulp nodig")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(["" if v is None else v for v in _cells(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
