"""HTTP endpoint of the steering report (stuurrapportage): JSON for the printable page, or the
same figures as a workbook."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.negotiation import require_accept
from api.core.routing import PERSON
from api.core.schemas import CodeName
from api.signals import report
from api.signals.report_schemas import (
    Ages,
    BodyCount,
    KindCount,
    MeasureCount,
    ReportPeriod,
    SteeringReport,
)

router = APIRouter(tags=["Signalen"])

From = Annotated[
    BoundedDate | None,
    Query(alias="van", description="Eerste dag; standaard de eerste dag van het kwartaal."),
]
Until = Annotated[
    BoundedDate | None,
    Query(alias="tot", description="Tot en met; standaard de laatste dag van het kwartaal."),
]


def _ages(ages: report.Ages) -> Ages:
    return Ages(aantal=ages.count, mediaan_dagen=ages.median_days, langste_dagen=ages.longest_days)


def _read(found: report.SteeringReport) -> SteeringReport:
    return SteeringReport(
        periode=ReportPeriod(van=found.period.start, tot=found.period.end),
        peilmoment=found.measured_at,
        gemeld=found.raised,
        doorgezet=found.passed_on,
        beantwoord=found.responded,
        afgesloten=found.closed,
        leeftijd_open=_ages(found.open_ages),
        leeftijd_afgesloten=_ages(found.closed_ages),
        open_per_instantie=[BodyCount(aan=b, aantal=n) for b, n in found.open_per_body],
        soorten=[KindCount(soort=k, aantal=n) for k, n in found.kinds],
        maatregelen=[
            MeasureCount(maatregel=CodeName(code=code, naam=title), aantal=n)
            for code, title, n in found.measures
        ],
    )


@router.get(
    "/signalen/rapportage",
    response_model=SteeringReport,
    operation_id="signalenRapportageOpvragen",
    summary="Stuurrapportage per periode: gemeld, doorgezet, beantwoord, leeftijden, open per "
    "instantie, soorten en maatregelen (redactie)",
    description=(
        "Standaard het lopende kwartaal (Nederlandse kalenderdagen); met alleen `van` of `tot` "
        "de rest van dat kwartaal. Met `formaat=xlsx` dezelfde cijfers als werkmap."
    ),
    openapi_extra=PERSON,
    responses={
        200: {
            "description": "De rapportage; met formaat=xlsx als werkmap.",
            "content": {report.XLSX: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
def steering_report(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    van: From = None,
    tot: Until = None,
    formaat: Annotated[Literal["json", "xlsx"], Query(description="json of xlsx.")] = "json",
) -> Response:
    if formaat == "xlsx":
        require_accept(request, report.XLSX)
    else:
        require_accept(request, "application/json", "application/problem+json")
    found = report.steering_report(session, principal, van, tot, clock.now())
    headers = {"Cache-Control": "private, no-store"}
    if formaat == "xlsx":
        name = f"stuurrapportage-{found.period.start}-{found.period.end}.xlsx"
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return Response(report.to_xlsx(found), media_type=report.XLSX, headers=headers)
    return Response(
        _read(found).model_dump_json(by_alias=True), media_type="application/json", headers=headers
    )
