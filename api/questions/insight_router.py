"""HTTP endpoints around the inbox: similar answers while typing, workload, insight, clusters,
an FAQ draft from a question, and an asker's data (export and erasure)."""

from datetime import date, timedelta
from typing import Annotated

from fastapi import BackgroundTasks, Path, Query
from pydantic import EmailStr

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, json_router
from api.core.storage import storage_for
from api.core.validation import InvalidParams
from api.questions import faq, insight, overviews, privacy, queue
from api.questions.policy import require_team
from api.questions.presenters import lookups_for, question_read, question_summary
from api.questions.schemas import (
    AdvisorList,
    Cluster,
    ClusterList,
    CountRow,
    Erasure,
    ErasureResult,
    FaqProposal,
    Insight,
    PersonalDataExport,
    PersonRef,
    SimilarFaq,
    SimilarQuestion,
    Suggestions,
    WeekRow,
    Workload,
    WorkloadRow,
)

router = json_router(tags=["Vragen"], conditional=False)
DEFAULT_PERIOD = timedelta(days=365)
From = Annotated[BoundedDate | None, Query(alias="van", description="Standaard een jaar geleden.")]
Until = Annotated[
    BoundedDate | None, Query(alias="tot", description="Tot en met; standaard vandaag.")
]


def _period(start: date | None, end: date | None) -> tuple[date, date]:
    end = end or clock.today()
    start = start or end - DEFAULT_PERIOD
    if start > end:
        invalid = InvalidParams()
        invalid.add("van", "after_end", "'van' ligt na 'tot'.")
        invalid.raise_if_any()
    return start, end


@router.get(
    "/vragen/vergelijkbaar",
    response_model=Suggestions,
    operation_id="vergelijkbareVragenZoeken",
    summary="FAQ-antwoorden en open vragen die lijken op een tekst (tijdens het typen)",
    openapi_extra=PERSON,
)
def similar(
    tekst: Annotated[str, Query(min_length=3, max_length=2000)],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> Suggestions:
    entries, questions = queue.suggestions(session, principal, tekst)
    return Suggestions(
        faq=[
            SimilarFaq(
                id=e.id,
                vraag=e.current.question,
                maatregelen=[m.code for m in e.measures],
                score=s,
            )
            for e, s in entries
        ],
        vragen=[
            SimilarQuestion(id=q.id, onderwerp=q.subject, status=q.status, score=s)
            for q, s in questions
        ],
    )


@router.get(
    "/vragen/behandelaars",
    response_model=AdvisorList,
    operation_id="behandelaarsOpvragen",
    summary="Wie vragen kan behandelen: actieve redacteuren en beheerders (redactie)",
    openapi_extra=PERSON,
)
def advisors(principal: CurrentPrincipal, session: SessionDep) -> AdvisorList:
    return AdvisorList(
        resultaten=[PersonRef(id=u.id, naam=u.name) for u in overviews.advisors(session, principal)]
    )


@router.get(
    "/vragen/werkvoorraad",
    response_model=Workload,
    operation_id="werkvoorraadOpvragen",
    summary="Open, verlopen en bijna verlopen vragen per adviseur (redactie)",
    openapi_extra=PERSON,
)
def workload(principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep) -> Workload:
    today = clock.today()
    return Workload(
        peildatum=today,
        resultaten=[
            WorkloadRow(
                behandelaar=PersonRef(id=person.id, naam=person.name) if person else None,
                open=r.open,
                verlopen=r.overdue,
                bijna_verlopen=r.due_soon,
            )
            for r, person in overviews.workload(session, settings, principal, today)
        ],
    )


def _rows(counts: dict[str, int], names: dict[str, str]) -> list[CountRow]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [CountRow(sleutel=k, naam=names.get(k, k), aantal=n) for k, n in ordered]


@router.get(
    "/vragen/inzicht",
    response_model=Insight,
    operation_id="vragenInzichtOpvragen",
    summary="Vragen per maatregel, thema, kanaal en week; doorlooptijd en termijntrouw (redactie)",
    openapi_extra=PERSON,
)
def figures(
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    van: From = None,
    tot: Until = None,
) -> Insight:
    require_team(principal)
    start, end = _period(van, tot)
    c = insight.counts(session, settings, start, end)
    return Insight(
        van=start,
        tot=end,
        aantal=c.total,
        per_maatregel=_rows(c.per_measure, overviews.measure_names(session)),
        per_thema=_rows(c.per_theme, {**overviews.theme_names(session), "geen": "Geen thema"}),
        per_kanaal=_rows(c.per_channel, {}),
        per_week=[WeekRow(week=w, aantal=n) for w, n in sorted(c.per_week.items())],
        mediaan_werkdagen_tot_antwoord=c.median_days,
        aandeel_binnen_termijn=c.within_service_level,
    )


@router.get(
    "/vragen/clusters",
    response_model=ClusterList,
    operation_id="vraagClustersOpvragen",
    summary="Groepen gelijkende vragen, grootste eerst: kandidaten voor FAQ of signaal (redactie)",
    openapi_extra=PERSON,
)
def clusters(
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    van: From = None,
    tot: Until = None,
) -> ClusterList:
    require_team(principal)
    start, end = _period(van, tot)
    found = insight.clusters(session, start, end)
    lookups = lookups_for(session, [q for c in found for q in c.questions])
    entries = overviews.faq_entries(session, [m.id for c in found for m in c.faq])
    return ClusterList(
        van=start,
        tot=end,
        resultaten=[
            Cluster(
                aantal=len(c.questions),
                kernwoorden=c.keywords,
                vragen=[question_summary(settings, q, lookups) for q in c.questions],
                faq=[
                    SimilarFaq(
                        id=m.id,
                        vraag=entries[m.id].current.question,
                        maatregelen=[x.code for x in entries[m.id].measures],
                        score=m.score,
                    )
                    for m in c.faq
                    if m.id in entries
                ],
            )
            for c in found
        ],
    )


@router.get(
    "/vragen/{id}/faq-voorstel",
    response_model=FaqProposal,
    operation_id="faqVoorstelOpvragen",
    summary="Een eerste FAQ-tekst uit een beantwoorde vraag, persoonsgegevens vervangen",
    openapi_extra=PERSON,
)
def proposal(
    question_id: Annotated[int, Path(alias="id", ge=1, le=2_147_483_647)],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> FaqProposal:
    text, answer, measures, replaced = faq.proposal(session, principal, question_id)
    return FaqProposal(vraag=text, antwoord=answer, maatregelen=measures, vervangen=replaced)


@router.get(
    "/vragenstellers/gegevens",
    response_model=PersonalDataExport,
    operation_id="vragenstellerGegevensOpvragen",
    summary="Alle vragen van één vrager (inzage; een gemeente alleen de eigen)",
    openapi_extra=PERSON,
)
def export(
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[EmailStr | None, Query()] = None,
) -> PersonalDataExport:
    address, questions = privacy.export_for(session, principal, email)
    lookups = lookups_for(session, questions)
    return PersonalDataExport(
        email=address,
        aangemaakt_op=clock.now(),
        vragen=[question_read(settings, principal, q, lookups) for q in questions],
    )


@router.post(
    "/vragenstellers/wissingen",
    response_model=ErasureResult,
    operation_id="vragenstellerGegevensWissen",
    summary="De persoonsgegevens van een vrager wissen; de FAQ blijft staan (redactie)",
    openapi_extra=PERSON,
)
def erase(
    body: Erasure,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
    background: BackgroundTasks,
) -> ErasureResult:
    erased, faq_kept, unused = privacy.erase(session, ctx, principal, str(body.email))
    storage = storage_for(settings)
    # After the response, so after the commit: a rolled-back erasure keeps its files.
    for key in unused:
        background.add_task(storage.delete, key)
    return ErasureResult(gewiste_vragen=erased, faq_behouden=faq_kept)
