"""HTTP endpoints for waves (fasen), themes (thema's), impact areas and measures (maatregelen)."""

from typing import Annotated

from fastapi import Header, Path, Query, Request, Response

from api.core.conditional import conditional_reference
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.routing import json_router
from api.core.schemas import CodeName, Link, SelfLinks
from api.core.sorting import sort_description
from api.core.urls import api_path
from api.measures import service
from api.measures.schemas import (
    ImpactAreaList,
    ImpactAreaRead,
    MeasurePage,
    MeasureRead,
    SourceRead,
    ThemeList,
    ThemeRead,
    WaveList,
    WaveRead,
    WaveRef,
)
from api.measures.service import SORTABLE, Measure, MeasureFilter, Obligation, Theme, Wave

router = json_router(tags=["Maatregelen"])

MeasureCode = Annotated[
    str, Path(pattern=r"^M\d{2}$", description="Code van de maatregel.", examples=["M01"])
]
MeasureIfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='"v<versie>" van de gelezen maatregel; 412 als iemand anders de maatregel of '
        "haar routekaart intussen wijzigde. Zonder If-Match wordt niet gecontroleerd.",
    ),
]
ThemeCode = Annotated[str, Path(pattern=r"^[a-z0-9-]{1,80}$", description="Code van het thema.")]


def _self(*segments: object) -> SelfLinks:
    return SelfLinks(self=Link(href=api_path(*segments)))


def wave_read(wave: Wave, count: int) -> WaveRead:
    return WaveRead(
        nummer=wave.number,
        naam=wave.name,
        ingangsdatum=wave.legal_effective_date,
        toepasbaar_vanaf=wave.may_apply_from,
        producten_gereed_op=wave.products_due,
        toelichting=wave.note,
        aantal_maatregelen=count,
        doel=wave.target,
        versie=wave.version,
        _links=_self("fasen", wave.number),
    )


def _theme_read(theme: Theme, count: int) -> ThemeRead:
    return ThemeRead(
        code=theme.code,
        naam=theme.name,
        volgorde=theme.position,
        aantal_maatregelen=count,
        _links=_self("themas", theme.code),
    )


def measure_read(measure: Measure) -> MeasureRead:
    return MeasureRead(
        code=measure.code,
        titel=measure.title,
        samenvatting=measure.summary,
        artikelen=measure.articles,
        fase=WaveRef(nummer=measure.wave.number, naam=measure.wave.name),
        thema=CodeName(code=measure.theme.code, naam=measure.theme.name),
        ingangsdatum=measure.effective_date,
        toepasbaar_vanaf=measure.may_apply_from,
        verplichting=measure.obligation,
        impactgebieden=[CodeName(code=a.code, naam=a.name) for a in measure.impact_areas],
        betrouwbaarheid=measure.confidence,
        bronnen=[SourceRead(code=s.code, titel=s.title, url=s.url) for s in measure.sources],
        versie=measure.version,
        _links=_self("maatregelen", measure.code),
    )


@router.get(
    "/fasen",
    response_model=WaveList,
    operation_id="fasenOpvragen",
    summary="Alle fasen met hun data",
)
def list_waves(request: Request, session: SessionDep) -> Response:
    return conditional_reference(
        request,
        session,
        lambda: WaveList(resultaten=[wave_read(w, n) for w, n in service.list_waves(session)]),
    )


@router.get(
    "/fasen/{nummer}",
    response_model=WaveRead,
    operation_id="faseOpvragen",
    summary="Eén fase",
)
def get_wave(
    request: Request,
    session: SessionDep,
    nummer: Annotated[int, Path(ge=1, le=99, description="Nummer van de fase.")],
) -> Response:
    return conditional_reference(
        request, session, lambda: wave_read(*service.get_wave(session, nummer))
    )


@router.get(
    "/themas",
    response_model=ThemeList,
    operation_id="themasOpvragen",
    summary="Alle thema's",
)
def list_themes(request: Request, session: SessionDep) -> Response:
    return conditional_reference(
        request,
        session,
        lambda: ThemeList(resultaten=[_theme_read(t, n) for t, n in service.list_themes(session)]),
    )


@router.get(
    "/themas/{code}",
    response_model=ThemeRead,
    operation_id="themaOpvragen",
    summary="Eén thema",
)
def get_theme(request: Request, session: SessionDep, code: ThemeCode) -> Response:
    return conditional_reference(
        request, session, lambda: _theme_read(*service.get_theme(session, code))
    )


@router.get(
    "/impactgebieden",
    response_model=ImpactAreaList,
    operation_id="impactgebiedenOpvragen",
    summary="Alle impactgebieden",
)
def list_impact_areas(request: Request, session: SessionDep) -> Response:
    return conditional_reference(
        request,
        session,
        lambda: ImpactAreaList(
            resultaten=[
                ImpactAreaRead(code=a.code, naam=a.name, volgorde=a.position)
                for a in service.list_impact_areas(session)
            ]
        ),
    )


@router.get(
    "/maatregelen",
    response_model=MeasurePage,
    operation_id="maatregelenOpvragen",
    summary="Maatregelen zoeken en filteren",
)
def list_measures(
    request: Request,
    session: SessionDep,
    page: PageDep,
    fase: Annotated[int | None, Query(ge=1, le=99, description="Nummer van de fase.")] = None,
    thema: Annotated[
        str | None, Query(pattern=r"^[a-z0-9-]{1,80}$", description="Code van het thema.")
    ] = None,
    verplichting: Annotated[
        Obligation | None, Query(description="verplicht of kan-bepaling.")
    ] = None,
    impactgebied: Annotated[
        str | None, Query(pattern=r"^[a-z0-9-]{1,40}$", description="Code van het impactgebied.")
    ] = None,
    zoek: Annotated[
        str | None,
        Query(min_length=2, max_length=100, description="Zoekt in code, titel en samenvatting."),
    ] = None,
    sorteer: Annotated[
        str | None,
        Query(max_length=100, description=sort_description(list(SORTABLE), service.DEFAULT_SORT)),
    ] = None,
) -> Response:
    criteria = MeasureFilter(
        wave=fase, theme=thema, obligation=verplichting, impact_area=impactgebied, text=zoek
    )

    def build() -> MeasurePage:
        measures, total = service.find_measures(session, criteria, sorteer, page)
        info, links = page_envelope(request, page, total)
        return MeasurePage(
            resultaten=[measure_read(m) for m in measures], paginering=info, _links=links
        )

    return conditional_reference(request, session, build)


@router.get(
    "/maatregelen/{code}",
    response_model=MeasureRead,
    operation_id="maatregelOpvragen",
    summary="Eén maatregel",
)
def get_measure(request: Request, session: SessionDep, code: MeasureCode) -> Response:
    return conditional_reference(
        request, session, lambda: measure_read(service.get_measure(session, code))
    )
