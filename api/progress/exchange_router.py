"""HTTP endpoints for exchanging progress in bulk: JSON for scripts (idempotent), CSV and XLSX
uploads with a per-row report, and exports in the same format."""

from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, File, Header, Query, Response, UploadFile
from fastapi import Path as PathParam
from pydantic import Field

from api.accounts.principal import CurrentPrincipal
from api.core import clock, idempotency
from api.core.db import SessionDep
from api.core.errors import PayloadTooLargeError, UnauthenticatedError
from api.core.requests import SettingsDep
from api.core.routing import errors, json_router
from api.core.schemas import ApiModel
from api.progress import bulk, exchange, spreadsheets

router = json_router(tags=["Voortgang"], conditional=False)
# Exports answer in CSV or XLSX, so they skip the JSON negotiation.
downloads = APIRouter(tags=["Voortgang"])
WRITE_SECURITY = {
    "security": [{"sessieCookie": []}, {"clientCredentials": ["voortgang:schrijven"]}]
}


class BulkRow(ApiModel):
    gemeente: str = Field(examples=["GM0344"])
    maatregel: str = Field(examples=["M15"])
    fase: str = Field(examples=["voorbereidend"])
    gepland_livegang: str | None = Field(default=None, json_schema_extra={"format": "date"})
    stappen_gereed: list[dict[str, str]] = Field(
        default_factory=list, examples=[[{"stap": "impactanalyse", "gereedOp": "2026-05-01"}]]
    )
    knelpunten: str | None = None
    notitie: str | None = None


class BulkRequest(ApiModel):
    rijen: list[BulkRow] = Field(max_length=bulk.MAX_ROWS)


class BulkReport(ApiModel):
    rijen: int
    gewijzigd: int
    ongewijzigd: int
    gecontroleerd: bool = Field(description="true: alleen gecontroleerd, niets opgeslagen.")


def _report(report: bulk.Report, dry_run: bool) -> BulkReport:
    return BulkReport(
        rijen=report.rows,
        gewijzigd=report.changed,
        ongewijzigd=report.unchanged,
        gecontroleerd=dry_run,
    )


@router.post(
    "/voortgang/bulk",
    response_model=BulkReport,
    operation_id="voortgangBulkDoorgeven",
    summary="Veel standen tegelijk (tot de hele matrix): alles of niets, fouten per rij",
    openapi_extra=WRITE_SECURITY,
    responses=errors(
        e409="Een cel veranderde intussen, of de Idempotency-Key hoort bij een ander verzoek."
    ),
)
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
    if not principal.is_authenticated:
        raise UnauthenticatedError
    # One dump of the whole body: a dump per row cost more than checking the rows.
    rows: list[dict[str, Any]] = body.model_dump(by_alias=True, exclude_unset=True)["rijen"]
    if idempotency_key is not None:
        key = idempotency.check_key(idempotency_key)
        canonical = orjson.dumps(body.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)
        previous = idempotency.claim(
            session, key, principal.subject, idempotency.fingerprint(canonical)
        )
        if previous is not None:
            return Response(
                orjson.dumps(previous.response),
                status_code=previous.status,
                media_type="application/json",
                headers={"Idempotent-Replayed": "true"},
            )
    answer = _report(bulk.import_rows(session, principal, rows), dry_run=False).model_dump(
        by_alias=True
    )
    if idempotency_key is not None:
        idempotency.store(session, idempotency_key, principal.subject, 200, answer)
    return Response(orjson.dumps(answer), media_type="application/json")


@router.post(
    "/voortgang/bestanden",
    response_model=BulkReport,
    operation_id="voortgangBestandUploaden",
    summary="Een CSV- of XLSX-bestand met standen uploaden (controleren=true: alleen controleren)",
    openapi_extra=WRITE_SECURITY,
    responses=errors(e409="Een cel veranderde intussen.", e415="Geen CSV of XLSX."),
)
def upload(
    bestand: Annotated[UploadFile, File(description="CSV (komma of puntkomma) of XLSX.")],
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    controleren: Annotated[bool, Query(description="Alleen controleren, niets opslaan.")] = False,
) -> BulkReport:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    data = bestand.file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise PayloadTooLargeError(
            f"Een bestand mag hoogstens {settings.max_upload_bytes} bytes zijn."
        )
    rows = spreadsheets.read_rows(data)
    return _report(bulk.import_rows(session, principal, rows, dry_run=controleren), controleren)


class SharedServiceReport(ApiModel):
    maatregel: str = Field(pattern=r"^M\d{2}$", examples=["M15"])
    fase: str = Field(examples=["voorbereidend"])
    gepland_livegang: str | None = Field(default=None, json_schema_extra={"format": "date"})
    stappen_gereed: list[dict[str, str]] = Field(default_factory=list)
    knelpunten: str | None = None
    notitie: str | None = None


@router.post(
    "/organisaties/{code}/voortgang",
    response_model=BulkReport,
    operation_id="voortgangSamenwerkingsverbandDoorgeven",
    summary="Eén stand doorgeven voor alle gemeenten van een samenwerkingsverband",
    openapi_extra=WRITE_SECURITY,
    responses=errors(e409="Een cel veranderde intussen."),
)
def shared_service_report(
    code: Annotated[
        str, PathParam(pattern=r"^[a-z0-9-]{2,60}$", examples=["demo-isd-bollenstreek"])
    ],
    body: SharedServiceReport,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> BulkReport:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    rows = exchange.shared_service_rows(
        session, code, body.model_dump(by_alias=True, exclude_unset=True)
    )
    return _report(bulk.import_rows(session, principal, rows), dry_run=False)


@downloads.get(
    "/voortgang/export",
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
