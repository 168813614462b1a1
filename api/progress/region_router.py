"""Regions: a province's or labour-market region's figures and its municipalities ranked."""

from datetime import date
from typing import Annotated

from fastapi import Path, Request, Response
from pydantic import Field

from api.core import clock
from api.core.conditional import conditional_versioned
from api.core.data_versions import counters_read_once
from api.core.db import SessionDep
from api.core.opendata import CSV_RESPONSES, CsvFormat, Provenance
from api.core.routing import PUBLIC, json_router
from api.core.schemas import ApiModel, CodeName
from api.progress import aggregates, grid, opendata, regions, versions
from api.progress.change import group_with_change, previous_period_end
from api.progress.deadlines import TrafficLight
from api.progress.grid import PROVINCE, REGION
from api.progress.schemas import GroupFigures, OverviewGroup

router = json_router(tags=["Voortgang"], conditional=False)


class RankedMunicipality(ApiModel):
    rang: int = Field(description="1 voor het hoogste aandeel geïmplementeerd; gelijk is gelijk.")
    gemeente: CodeName
    cellen: int
    aandeel_geimplementeerd: float = Field(description="Deel geïmplementeerd of geëvalueerd (0-1).")
    tekort: float | None
    verkeerslichten: dict[str, int] = Field(
        description="Aantal maatregelen per verkeerslicht: op-schema, risico, te-laat."
    )


class RegionProgress(ApiModel):
    soort: str = Field(description="provincie of arbeidsmarktregio.")
    regio: CodeName
    peildatum: date
    cijfers: OverviewGroup = Field(
        description="De cijfers van de hele regio, als in het overzicht, met de stand aan het "
        "eind van de vorige maand en de verandering sindsdien."
    )
    gemeenten: list[RankedMunicipality] = Field(
        description="De gemeenten van de regio, het hoogste aandeel geïmplementeerd eerst; bij "
        "gelijke stand op naam."
    )
    herkomst: Provenance


def _answer(
    request: Request, session: SessionDep, grouping: str, code: str, formaat: str
) -> Response:
    today = clock.today()

    def ranked() -> tuple[str, GroupFigures, list[regions.Ranked]]:
        return regions.region(grid.current(session, today, request.app.state), grouping, code)

    if formaat == "csv":
        _, _, members = ranked()
        return opendata.figures_csv(
            session,
            f"{grouping}-{code}-{today}",
            (m.tally.figures(aggregates.place_label(m.place)) for m in members),
        )

    def build() -> RegionProgress:
        name, figures, members = ranked()
        day = previous_period_end(today)
        before = aggregates.past_overviews(session, [grouping], day)[grouping]
        earlier = {g.groep.code: g for g in before.groepen}
        return RegionProgress(
            soort=grouping,
            regio=CodeName(code=code, naam=name),
            peildatum=today,
            cijfers=group_with_change(figures, earlier, day),
            gemeenten=[
                RankedMunicipality(
                    rang=m.rank,
                    gemeente=own.groep,
                    cellen=own.cellen,
                    aandeel_geimplementeerd=own.aandeel_geimplementeerd,
                    tekort=own.tekort,
                    verkeerslichten={
                        TrafficLight.ON_TRACK.value: m.tally.cells - m.tally.at_risk - m.tally.late,
                        TrafficLight.AT_RISK.value: m.tally.at_risk,
                        TrafficLight.LATE.value: m.tally.late,
                    },
                )
                for m in members
                for own in [m.tally.figures(aggregates.place_label(m.place))]
            ],
            herkomst=opendata.figures_provenance(session, request, today),
        )

    return conditional_versioned(
        request, versions.figures(session, today), build, again=versions.figures_now
    )


_RESPONSES: dict[int | str, dict[str, object]] = {
    304: {"description": "Niet gewijzigd."},
    **CSV_RESPONSES,
}


@router.get(
    "/provincies/{code}/voortgang",
    response_model=RegionProgress,
    operation_id="provincieVoortgangOpvragen",
    summary="De voortgang van een provincie, met haar gemeenten gerangschikt (openbaar)",
    description="Met `formaat=csv` de cijfers per gemeente, in dezelfde volgorde.",
    openapi_extra=PUBLIC,
    responses=_RESPONSES,
)
@counters_read_once
def province_progress(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(pattern=r"^PV\d{2}$", examples=["PV20"])],
    formaat: CsvFormat = "json",
) -> Response:
    return _answer(request, session, PROVINCE, code, formaat)


@router.get(
    "/arbeidsmarktregios/{code}/voortgang",
    response_model=RegionProgress,
    operation_id="arbeidsmarktregioVoortgangOpvragen",
    summary="De voortgang van een arbeidsmarktregio, met haar gemeenten gerangschikt (openbaar)",
    description="Met `formaat=csv` de cijfers per gemeente, in dezelfde volgorde.",
    openapi_extra=PUBLIC,
    responses=_RESPONSES,
)
@counters_read_once
def region_progress(
    request: Request,
    session: SessionDep,
    code: Annotated[str, Path(pattern=r"^AM\d{2}$", examples=["AM01"])],
    formaat: CsvFormat = "json",
) -> Response:
    return _answer(request, session, REGION, code, formaat)
