"""HTTP endpoints for exchanging progress in bulk: JSON for scripts (idempotent), CSV and XLSX
uploads with a per-row report, and exports in the same format."""

import gc
import json
import os
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, File, Header, Query, Request, Response, UploadFile
from fastapi import Path as PathParam
from fastapi.routing import APIRoute
from pydantic import ConfigDict, Field, ModelWrapValidatorHandler, PrivateAttr, model_validator
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.db import SessionDep
from api.core.errors import PayloadTooLargeError
from api.core.requests import SettingsDep
from api.core.routing import errors, json_router
from api.core.schemas import ApiModel, RequestModel
from api.progress import bulk, exchange, idempotent, policy, spreadsheets
from api.progress.rows import (
    BlockerKindText,
    JsonRows,
    ParsedRow,
    PhaseText,
    parse_json_rows,
    parse_row,
)

router = json_router(tags=["Voortgang"], conditional=False)
# Exports answer in CSV or XLSX, so they skip the JSON negotiation.
downloads = APIRouter(tags=["Voortgang"])
WRITE_SECURITY = {
    "security": [{"sessieCookie": []}, {"clientCredentials": ["voortgang:schrijven"]}]
}


KEPT_KIND = (
    "Soort knelpunt, alleen naast een knelpunt. Weggelaten blijft de opgeslagen soort; wie "
    "knelpunten leegmaakt, maakt ook de soort leeg."
)


class BulkStep(RequestModel):
    stap: str = Field(examples=["impactanalyse"])
    gereed_op: str | None = Field(default=None, json_schema_extra={"format": "date"})


class BulkRow(RequestModel):
    """The shape of a row; its values are checked as a row (`rows.ProgressRow`), so each wrong
    row is answered with its number and all its problems (`rijFouten`)."""

    gemeente: str = Field(examples=["GM0344"])
    maatregel: str = Field(examples=["M15"])
    fase: PhaseText = Field(examples=["voorbereidend"])
    gepland_livegang: str | None = Field(default=None, json_schema_extra={"format": "date"})
    stappen_gereed: list[BulkStep] = Field(
        default_factory=list, examples=[[{"stap": "impactanalyse", "gereedOp": "2026-05-01"}]]
    )
    knelpunten: str | None = None
    knelpunt_soort: BlockerKindText | None = Field(default=None, description=KEPT_KIND)
    notitie: str | None = None


class _WellFormed:
    """A bulk body whose every row is well-formed as sent (`rows.parse_json_rows`)."""

    __slots__ = ("rows",)

    def __init__(self, rows: JsonRows) -> None:
        self.rows = rows


class BulkRequest(ApiModel):
    # Not a RequestModel: its rows check their own text, and walking all of them here as well
    # would cost a bulk request of the whole matrix a second pass over its 3.6 MB.
    model_config = ConfigDict(extra="forbid")

    rijen: list[BulkRow] = Field(max_length=bulk.MAX_ROWS)
    _well_formed: JsonRows | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _checked_already(
        cls, data: Any, handler: ModelWrapValidatorHandler["BulkRequest"]
    ) -> "BulkRequest":
        # A body `_BulkRoute` found well-formed has its rows read already: no model per row.
        # `rijen` is then left unset, so nothing can mistake it for an empty list.
        if isinstance(data, _WellFormed):
            unset: dict[str, Any] = {}
            body = cls.model_construct(**unset)
            body._well_formed = data.rows
            return body
        return handler(data)

    def parsed_rows(self) -> list[ParsedRow]:
        if self._well_formed is not None:
            return self._well_formed.rows
        # One dump of the whole body: a dump per row cost more than checking the rows.
        dumped = self.model_dump(by_alias=True, exclude_unset=True)["rijen"]
        return [parse_row(number, cells) for number, cells in enumerate(dumped, start=1)]

    def fingerprint_source(self) -> bytes:
        """The request in a canonical form, for its Idempotency-Key: key order and spacing do
        not count. The same bytes for a body read either way."""
        if self._well_formed is None:
            dumped = self.model_dump(mode="json")
            for row in dumped["rijen"]:
                if row["knelpunt_soort"] is None:
                    del row["knelpunt_soort"]
            return orjson.dumps(dumped, option=orjson.OPT_SORT_KEYS)
        # As model_dump(mode="json") gives it: Python names, every field, dates as sent (a
        # well-formed date is written JJJJ-MM-DD, which isoformat gives back). A row without
        # a blocker kind is fingerprinted as before kinds existed, so a key sent again across
        # that upgrade still knows its request.
        return orjson.dumps(
            {
                "rijen": [
                    {
                        "gemeente": row["gemeente"],
                        "maatregel": row["maatregel"],
                        "fase": row["fase"],
                        "gepland_livegang": _iso(row.get("geplandLivegang")),
                        "stappen_gereed": [
                            {"stap": step["stap"], "gereed_op": step["gereedOp"]}
                            for step in row.get("stappenGereed", ())
                        ],
                        "knelpunten": row.get("knelpunten"),
                        "notitie": row.get("notitie"),
                    }
                    | (
                        {"knelpunt_soort": kind}
                        if (kind := row.get("knelpuntSoort")) is not None
                        else {}
                    )
                    for row in self._well_formed.sent()
                ]
            },
            option=orjson.OPT_SORT_KEYS,
        )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


class _BulkBodyRequest(Request):
    async def json(self) -> Any:
        # A coroutine because reading the body is; it touches no database. Both the check of a
        # whole matrix and, for a body that is not well-formed, the plain parse that lets the
        # model name what is wrong run in the thread pool: a body of several megabytes parsed
        # on the event loop would hold up every other request meanwhile.
        body = await self.body()
        rows = await run_in_threadpool(parse_json_rows, body)
        if rows is not None:
            return _WellFormed(rows)
        if not hasattr(self, "_json"):
            self._json = await run_in_threadpool(json.loads, body)
        return self._json


class _CollectorPause:
    """Automatic cyclic garbage collection off while any bulk request runs.

    A bulk of the whole matrix makes some 100,000 small objects that live as long as the
    request, and refers to none of them in a cycle. Outliving a few young collections, they
    are promoted until the collector walks the whole heap, which took a fifth of the request;
    paused, it does not run, and the objects are freed by their reference counts when the
    request ends. Other requests meanwhile run without cyclic collection for that while
    (well under a second); a request that overlaps another keeps it paused until both end."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._was_enabled = False

    @contextmanager
    def during(self) -> Iterator[None]:
        with self._lock:
            if self._running == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0 and self._was_enabled:
                    gc.enable()


_COLLECTOR = _CollectorPause()


class _BulkRoute(APIRoute):
    """Reads a bulk body the short way when every row is well-formed as sent (one compiled
    check, no model per row: `rows.parse_json_rows`), and as any request body otherwise, so
    an unknown field, a wrong type or a refused character is answered exactly as before. The
    contract is BulkRequest's either way."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        # A coroutine as every route handler FastAPI makes is; the endpoint it wraps,
        # `bulk_update`, is a plain `def` and runs in the thread pool with its session.
        async def handle_bulk(request: Request) -> Response:
            with _COLLECTOR.during():
                return await handle(_BulkBodyRequest(request.scope, request.receive))

        return handle_bulk


class BulkReport(ApiModel):
    rijen: int
    gewijzigd: int
    ongewijzigd: int
    gecontroleerd: bool = Field(description="true: alleen gecontroleerd, niets opgeslagen.")
    tekenset: str | None = Field(
        default=None,
        description="Alleen bij een CSV-bestand: hoe de tekst gelezen is, utf-8 of windows-1252.",
        examples=["utf-8"],
    )


def _report(report: bulk.Report, dry_run: bool, encoding: str | None = None) -> BulkReport:
    return BulkReport(
        rijen=report.rows,
        gewijzigd=report.changed,
        ongewijzigd=report.unchanged,
        gecontroleerd=dry_run,
        tekenset=encoding,
    )


def _end_authentication_reads(session: Session) -> None:
    """Ends the transaction authentication opened. On SQLite a POST's first query takes the
    write lock (BEGIN IMMEDIATE), and reading a file takes time: every other writer would wait
    for it. The rows are written in a new transaction, begun by their first query."""
    session.commit()


def bulk_update(
    body: BulkRequest,
    principal: CurrentPrincipal,
    session: SessionDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Zelfde sleutel + zelfde body = zelfde antwoord, één keer verwerkt.",
        ),
    ] = None,
) -> Response:
    outcome = idempotent.import_rows_once(
        session,
        principal,
        body.parsed_rows(),
        idempotency_key,
        request=body.fingerprint_source,
        answer=lambda report: _report(report, dry_run=False).model_dump(
            by_alias=True, exclude_none=True
        ),
    )
    return Response(
        orjson.dumps(outcome.answer),
        status_code=outcome.status if outcome.replayed else 200,
        media_type="application/json",
        headers={"Idempotent-Replayed": "true"} if outcome.replayed else None,
    )


router.add_api_route(
    "/voortgang/bulk",
    bulk_update,
    methods=["POST"],
    route_class_override=_BulkRoute,
    response_model=BulkReport,
    operation_id="voortgangBulkDoorgeven",
    summary="Veel standen tegelijk (tot de hele matrix): alles of niets, fouten per rij",
    openapi_extra=WRITE_SECURITY,
    responses=errors(
        e409="Een cel veranderde intussen, of de Idempotency-Key hoort bij een ander verzoek."
    ),
)


@router.post(
    "/voortgang/bestanden",
    response_model=BulkReport,
    response_model_exclude_none=True,
    operation_id="voortgangBestandUploaden",
    summary="Een CSV- of XLSX-bestand met standen uploaden (controleren=true: alleen controleren)",
    openapi_extra=WRITE_SECURITY,
    responses=errors(
        e409="Een cel veranderde intussen.",
        e413="Het bestand is te groot, of voorbij een leesgrens (rijen, kolommen, cellen).",
        e415="Geen CSV of XLSX, of niet te lezen.",
    ),
)
def upload(
    bestand: Annotated[UploadFile, File(description="CSV (komma of puntkomma) of XLSX.")],
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    controleren: Annotated[bool, Query(description="Alleen controleren, niets opslaan.")] = False,
) -> BulkReport:
    # The right first: a caller who may write no progress at all costs no parsing.
    policy.ensure_may_write_some(principal)
    size = bestand.file.seek(0, os.SEEK_END)
    bestand.file.seek(0)
    if size > settings.max_upload_bytes:
        raise PayloadTooLargeError(
            f"Een bestand mag hoogstens {settings.max_upload_bytes} bytes zijn."
        )
    _end_authentication_reads(session)
    sheet = spreadsheets.read_rows(bestand.file)
    report = bulk.import_rows(session, principal, sheet.rows, dry_run=controleren)
    return _report(report, controleren, sheet.encoding)


class SharedServiceReport(RequestModel):
    maatregel: str = Field(pattern=r"^M\d{2}$", examples=["M15"])
    fase: PhaseText = Field(examples=["voorbereidend"])
    gepland_livegang: str | None = Field(default=None, json_schema_extra={"format": "date"})
    stappen_gereed: list[BulkStep] = Field(default_factory=list)
    knelpunten: str | None = None
    knelpunt_soort: BlockerKindText | None = Field(default=None, description=KEPT_KIND)
    notitie: str | None = None
    terugzetten_bevestigd: list[str] = Field(
        default_factory=list,
        max_length=500,
        description=(
            "Gemeenten waarvan u bevestigt dat hun fase terug mag naar de gemelde fase. Zonder "
            "die bevestiging weigert de melding (409) elke gemeente die al verder is."
        ),
        examples=[["GM0534"]],
    )


@router.post(
    "/organisaties/{code}/voortgang",
    response_model=BulkReport,
    operation_id="voortgangSamenwerkingsverbandDoorgeven",
    summary="Eén stand doorgeven voor alle gemeenten van een samenwerkingsverband",
    openapi_extra=WRITE_SECURITY,
    responses=errors(
        e409="Een gemeente zou een fase terug gaan zonder bevestiging, of een cel veranderde "
        "intussen."
    ),
)
def shared_service_report(
    code: Annotated[
        str, PathParam(pattern=r"^[a-z0-9-]{2,60}$", examples=["demo-isd-bollenstreek"])
    ],
    body: SharedServiceReport,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> BulkReport:
    policy.ensure_may_write_some(principal)
    report = parse_row(
        1, body.model_dump(by_alias=True, exclude_unset=True, exclude={"terugzetten_bevestigd"})
    )
    rows = exchange.shared_service_rows(
        session, principal, code, report, set(body.terugzetten_bevestigd)
    )
    return _report(bulk.import_rows(session, principal, rows), dry_run=False)


@downloads.get(
    "/voortgang/export",
    # Only CSV or XLSX: without this, the contract would also promise JSON.
    response_class=Response,
    operation_id="voortgangExporteren",
    summary="De standen die u mag zien, als CSV of XLSX (zelfde kolommen als de upload)",
    openapi_extra={"security": [{"sessieCookie": []}, {"clientCredentials": ["voortgang:lezen"]}]},
    responses={
        200: {
            "description": "CSV of XLSX.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                spreadsheets.XLSX: {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
def export(
    principal: CurrentPrincipal,
    session: SessionDep,
    formaat: Annotated[Literal["csv", "xlsx"], Query(description="csv of xlsx.")] = "csv",
) -> Response:
    records = exchange.export_records(session, principal)
    name = f"voortgang-{clock.today().isoformat()}.{formaat}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    if formaat == "xlsx":
        return Response(
            spreadsheets.to_xlsx(records), media_type=spreadsheets.XLSX, headers=headers
        )
    return Response(
        spreadsheets.to_csv(records), media_type="text/csv; charset=utf-8", headers=headers
    )
