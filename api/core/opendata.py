"""Provenance and open data: every figure says where it comes from and how fresh it is, and the
numbers behind it can be downloaded as CSV under CC BY 4.0."""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Annotated, Any, Literal

from fastapi import Query, Request, Response
from pydantic import Field

from api.core.conditional import PUBLIC_SHARED
from api.core.schemas import ApiModel

LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
PROGRESS_SOURCE = (
    "Spoorboek: de voortgang die gemeenten (of hun samenwerkingsverband) zelf doorgeven, "
    "getoetst aan de wettelijke ingangsdata van Participatiewet in balans."
)
CSV_MEDIA_TYPE = "text/csv"
CSV_CONTENT_TYPE = f"{CSV_MEDIA_TYPE}; charset=utf-8"
CsvFormat = Annotated[
    Literal["json", "csv"],
    Query(description="csv: dezelfde cijfers als open data (CC BY 4.0), puntkomma-gescheiden."),
]
CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "De cijfers; met formaat=csv als CSV.",
        "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
    }
}


class Provenance(ApiModel):
    bron: str = Field(description="Waar de cijfers vandaan komen.")
    peilmoment: datetime | None = Field(
        description="Laatste wijziging in de onderliggende gegevens."
    )
    peildatum: date = Field(description="De dag waarop de cijfers betrekking hebben.")
    licentie: str = Field(examples=[LICENCE])
    licentie_url: str
    csv: str = Field(description="Dezelfde cijfers als CSV (puntkomma-gescheiden, UTF-8).")


def provenance(request: Request, source: str, moment: datetime | None, day: date) -> Provenance:
    query = "&".join(p for p in (request.url.query, "formaat=csv") if p and p != "formaat=json")
    return Provenance(
        bron=source,
        peilmoment=moment,
        peildatum=day,
        licentie=LICENCE,
        licentie_url=LICENCE_URL,
        csv=f"{request.url.path}?{query}",
    )


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """Semicolon-separated with a BOM, as Dutch spreadsheet programs expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode()


def csv_headers(name: str) -> dict[str, str]:
    """The licence travels in a Link header so the file itself stays plain data (the JSON
    states the source)."""
    return {
        "Content-Disposition": f'attachment; filename="{name}.csv"',
        "Link": f'<{LICENCE_URL}>; rel="license"',
    }


def csv_response(
    name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    moment: datetime | None,
) -> Response:
    headers = {**csv_headers(name), "Cache-Control": PUBLIC_SHARED}
    if moment is not None:
        headers["Last-Modified"] = format_datetime(moment.astimezone(UTC), usegmt=True)
    return Response(csv_bytes(header, rows), media_type=CSV_CONTENT_TYPE, headers=headers)
