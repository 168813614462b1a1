"""HTTP endpoints of the consequences: per measure who waits on which supplier, per supplier its
readiness and who waits on it, per municipality what it waits for, and the public figures."""

from typing import Annotated

from fastapi import Path, Request, Response

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import conditional_versioned
from api.core.db import SessionDep
from api.core.routing import PERSON, PUBLIC, errors, json_router
from api.core.schemas import CodeName
from api.ict import catalogue, presenters, views
from api.ict.consequences import Wait, worst
from api.ict.schemas import (
    MeasureWaiters,
    MunicipalIct,
    MunicipalWait,
    PublicFigures,
    PublicSupplierFigures,
    SignalRef,
    SupplierMeasureReadiness,
    SupplierOverview,
    SupplierSignals,
    SupplierWaiters,
    WaitingMunicipality,
)
from api.signals import of_supplier

router = json_router(tags=["ICT-gereedheid"], conditional=False)
# The public figures answer with an ETag and 304.
public = json_router(tags=["ICT-gereedheid"])

SUPPLIER_CLIENT = {
    "security": [{"sessieCookie": []}, {"clientCredentials": ["gereedheid:schrijven"]}]
}
MeasureCode = Annotated[str, Path(pattern=r"^M\d{2}$", examples=["M15"])]
SupplierCode = Annotated[str, Path(pattern=r"^[a-z0-9-]{2,60}$", examples=["demo-rekenwerk"])]
MunicipalityCode = Annotated[str, Path(pattern=r"^GM\d{4}$", examples=["GM0344"])]
READ = errors(e401="Niet ingelogd.", e403="Geen toegang.", e404="Bestaat niet.")


def _by_municipality(found: list[Wait], now: views.Situation) -> list[WaitingMunicipality]:
    grouped: dict[str, list[Wait]] = {}
    for wait in found:
        grouped.setdefault(wait.municipality, []).append(wait)
    rows = []
    for code, waits in sorted(grouped.items(), key=lambda kv: now.cells.places[kv[0]].sort_name):
        place = now.cells.places[code]
        fact = now.cells.facts[code, waits[0].measure]
        verdict = worst(w.verdict for w in waits)
        assert verdict is not None  # noqa: S101 - a group has at least one wait
        rows.append(
            WaitingMunicipality(
                gemeente=CodeName(code=code, naam=place.name),
                inwoners=place.population,
                moet_starten_op=fact.verdict.must_start_by,
                oordeel=verdict,
                wacht_op=[presenters.wait_read(w, now) for w in waits],
            )
        )
    return rows


@router.get(
    "/ict/maatregelen/{maatregel}/wachtenden",
    response_model=MeasureWaiters,
    operation_id="ictMaatregelWachtendenOpvragen",
    summary="Welke gemeenten voor deze maatregel op welke leverancier wachten (redactie)",
    responses=READ,
    openapi_extra=PERSON,
)
def measure_waiters(
    request: Request, maatregel: MeasureCode, principal: CurrentPrincipal, session: SessionDep
) -> MeasureWaiters:
    found = views.measure_waits(session, request.app.state, principal, maatregel)
    now = found.situation
    suppliers = []
    for code, waits in found.by_supplier.items():
        counts = views.counted(waits, now.cells)
        suppliers.append(
            SupplierWaiters(
                leverancier=CodeName(code=code, naam=now.suppliers.get(code, code)),
                gemeenten=counts.municipalities,
                inwoners=counts.inhabitants,
                te_laat=counts.late,
                risico=counts.at_risk,
                resultaten=_by_municipality(waits, now),
            )
        )
    return MeasureWaiters(
        maatregel=CodeName(code=found.code, naam=found.title),
        ingangsdatum=found.effective,
        software_nodig=found.needs_software,
        peildatum=now.today,
        leveranciers=suppliers,
    )


@router.get(
    "/ict/leveranciers/{code}/overzicht",
    response_model=SupplierOverview,
    operation_id="ictLeverancierOverzichtOpvragen",
    summary="De gereedheid van een leverancier over alle maatregelen, en hoeveel gemeenten en "
    "inwoners op haar wachten (redactie, of de eigen leverancierskoppeling)",
    responses=READ,
    openapi_extra=SUPPLIER_CLIENT,
)
def supplier_overview(
    request: Request, code: SupplierCode, principal: CurrentPrincipal, session: SessionDep
) -> SupplierOverview:
    view, now, own = views.supplier_overview(session, request.app.state, principal, code)
    theirs = [w for w in now.waits if w.supplier == code]
    measures = []
    for measure in now.needing:
        subject = now.cells.subjects[measure]
        measures.append(
            SupplierMeasureReadiness(
                maatregel=CodeName(code=measure, naam=subject.title),
                ingangsdatum=subject.effective,
                applicaties=[
                    presenters.readiness_read(
                        a, measure, subject.title, now.readiness.get((a.id, measure)), now.suppliers
                    )
                    for a in own
                ],
                cijfers=presenters.counts_read(
                    views.counted([w for w in theirs if w.measure == measure], now.cells)
                ),
            )
        )
    signals = of_supplier.open_of(session, principal, code)
    return SupplierOverview(
        leverancier=CodeName(code=code, naam=view.organisation.name),
        peildatum=now.today,
        cijfers_openbaar=view.figures_public,
        totaal=presenters.counts_read(views.counted(theirs, now.cells)),
        maatregelen=measures,
        open_signalen=SupplierSignals(
            aantal=signals.count,
            laatste=[SignalRef(id=i, titel=title) for i, title in signals.latest],
        )
        if signals is not None
        else None,
    )


@router.get(
    "/gemeenten/{code}/ict",
    response_model=MunicipalIct,
    operation_id="gemeenteIctOpvragen",
    summary="De applicaties van een gemeente en waarop zij wacht (eigen gemeente of redactie)",
    responses=errors(e401="Niet ingelogd.", e404="Geen gemeente, of niet de uwe."),
    openapi_extra=PERSON,
)
def municipal_ict(
    request: Request, code: MunicipalityCode, principal: CurrentPrincipal, session: SessionDep
) -> MunicipalIct:
    (municipality, name), per_measure, now = views.municipal_waits(
        session, request.app.state, principal, code
    )
    _, used = catalogue.municipal_applications(session, principal, code)
    waits = []
    for measure, found in per_measure.items():
        verdict = worst(w.verdict for w in found)
        assert verdict is not None  # noqa: S101 - listed because it has waits
        subject = now.cells.subjects[measure]
        waits.append(
            MunicipalWait(
                maatregel=CodeName(code=measure, naam=subject.title),
                ingangsdatum=subject.effective,
                moet_starten_op=now.cells.facts[code, measure].verdict.must_start_by,
                oordeel=verdict,
                wacht_op=[presenters.wait_read(w, now) for w in found],
            )
        )
    return MunicipalIct(
        gemeente=CodeName(code=municipality, naam=name),
        peildatum=now.today,
        applicaties=presenters.usages_read(used, now.suppliers),
        wacht_op=waits,
    )


@public.get(
    "/ict/cijfers",
    response_model=PublicFigures,
    operation_id="ictCijfersOpvragen",
    summary="Hoeveel gemeenten en inwoners op software wachten: per leverancier die daarmee "
    "instemde, de andere samen",
    openapi_extra=PUBLIC,
)
def public_figures(request: Request, session: SessionDep) -> Response:
    def build() -> PublicFigures:
        today, lines, total = views.public_figures(session, request.app.state)
        return PublicFigures(
            peildatum=today,
            resultaten=[
                PublicSupplierFigures(
                    leverancier=CodeName(code=line.supplier[0], naam=line.supplier[1])
                    if line.supplier
                    else None,
                    leveranciers=line.suppliers,
                    cijfers=presenters.counts_read(line.counts),
                )
                for line in lines
            ],
            totaal=presenters.counts_read(total),
        )

    today = clock.today()
    return conditional_versioned(
        request, views.public_key(session, today), build, again=views.public_key_now
    )


router.include_router(public)
