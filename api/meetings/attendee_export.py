"""A meeting's registrations as a file for the team's own lists: CSV or XLSX, the same rows the
JSON list shows to the same people (registrations.of_meeting decides who sees which).

These are personal data (names and addresses): the answer is never stored by a cache, and every
cell of free text passes the spreadsheet guard, so a name like `=HYPERLINK(…)` is shown and never
run as a formula."""

import io
from typing import Literal

from fastapi import Request
from openpyxl import Workbook

from api.core.negotiation import accepts, accepts_json, require_accept
from api.core.opendata import CSV_CONTENT_TYPE, CSV_MEDIA_TYPE, csv_bytes
from api.core.text import spreadsheet_cell
from api.meetings.registrations import Listed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = (
    "naam",
    "e-mail",
    "gemeente",
    "organisatie",
    "status",
    "plaats op wachtlijst",
    "aanwezigheid",
)
Format = Literal["json", "csv", "xlsx"]
CONTENT: dict[str, dict[str, object]] = {
    CSV_MEDIA_TYPE: {"schema": {"type": "string"}},
    XLSX: {"schema": {"type": "string", "format": "binary"}},
}
"""The extra media types of the list, for the OpenAPI document."""


def wanted(request: Request) -> Format:
    """CSV or XLSX when the client asks for one by name and takes no JSON; JSON otherwise (a
    browser's `*/*` included); 406 when it takes none of the three."""
    accept = request.headers.get("accept", "")
    if accept and not accepts_json(accept):
        if accepts(accept, CSV_MEDIA_TYPE):
            return "csv"
        if accepts(accept, XLSX):
            return "xlsx"
    require_accept(request, "application/json", CSV_MEDIA_TYPE, XLSX)
    return "json"


def rows(listed: Listed) -> list[list[object]]:
    """In the list's order: places first, then the waiting list in its order, then who
    cancelled."""
    found = []
    for r in listed.registrations:
        found.append(
            [
                spreadsheet_cell(r.name),
                spreadsheet_cell(r.email),
                spreadsheet_cell(listed.municipalities.get(r.municipality_code or "", "")),
                spreadsheet_cell(listed.organisations.get(r.organisation_code or "", "")),
                r.status.value,
                listed.positions.get(r.id),
                r.attendance.value if r.attendance else None,
            ]
        )
    return found


def file_name(listed: Listed, suffix: str) -> str:
    return f"aanmeldingen-bijeenkomst-{listed.meeting.id}.{suffix}"


def to_xlsx(listed: Listed) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Aanmeldingen")
    sheet.append(list(COLUMNS))
    for row in rows(listed):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def content(listed: Listed, chosen: Format) -> tuple[bytes, str, dict[str, str]]:
    """The file's bytes, its content type and its headers (a download, never cached)."""
    suffix = "xlsx" if chosen == "xlsx" else "csv"
    headers = {
        "Content-Disposition": f'attachment; filename="{file_name(listed, suffix)}"',
        "Cache-Control": "private, no-store",
    }
    if chosen == "xlsx":
        return to_xlsx(listed), XLSX, headers
    return csv_bytes(COLUMNS, rows(listed)), CSV_CONTENT_TYPE, headers
