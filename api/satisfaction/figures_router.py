"""HTTP endpoints of the satisfaction figures: the team's figures (JSON or CSV), the groups of low
scores and the one step that makes a signal of one, and the public overall satisfaction."""

from typing import Annotated, Literal

from fastapi import Path, Query, Request, Response, status
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import PRIVATE_REVALIDATE, conditional_versioned
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.opendata import CSV_CONTENT_TYPE, CSV_RESPONSES, CsvFormat, csv_headers
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import NOT_MODIFIED, PERSON, PUBLIC, errors, json_router
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.urls import api_path
from api.satisfaction import figures, figures_csv, figures_public, figures_signals
from api.satisfaction.figures_schemas import (
    LowScoreList,
    LowScoreProposal,
    LowScoreQuestion,
    LowScoreSuggestion,
    LowScoreThresholds,
    LowScoreToSignal,
    PublicSatisfaction,
    SatisfactionFigures,
    SignalMade,
)

# GETs answer with an ETag (and 304); the POST that makes a signal does not.
router = json_router(tags=["Tevredenheid"], conditional=False)

TeamCsv = Annotated[
    Literal["json", "csv"],
    Query(
        description="csv: dezelfde cijfers, puntkomma-gescheiden; voor het team, geen open data."
    ),
]
Day = Annotated[BoundedDate | None, Query(description="Eerste dag (standaard een jaar terug).")]


@router.get(
    "/tevredenheid/cijfers",
    response_model=SatisfactionFigures,
    operation_id="tevredenheidCijfersOpvragen",
    summary="Tevredenheid per contactpunt, per maatregel, thema, fase, provincie, "
    "arbeidsmarktregio of adviseur, per maand of kwartaal, met de trend (redactie)",
    description=(
        "Antwoorden (score 1-5: gemiddelde, verdeling, responspercentage), producten (stemmen "
        "'Was dit nuttig?': aandeel nuttig), de peiling (gemiddelde per schaalvraag, "
        "responspercentage) en bijeenkomsten (score 1-5 van de aanwezigen, in de periode van de "
        "bijeenkomst; bij 'adviseur' telt de organisator). Een groep met minder respondenten dan "
        "de minimale groepsgrootte (standaard 5), of die met andere getoonde cijfers tot zo'n "
        "groep is af te leiden, toont geen getallen maar 'te weinig antwoorden'. "
        "`adviseur=ik` toont alleen de scores van uw eigen antwoorden; de scores van een andere "
        "adviseur, en `groep=adviseur`, ziet alleen de beheerder. Een contactpunt dat bij de "
        "groepering of filters niet past, staat in `nietGetoond`."
    ),
    openapi_extra=PERSON,
    responses={**NOT_MODIFIED, **CSV_RESPONSES},
)
def team_figures(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    contactpunt: Annotated[
        Literal["antwoorden", "producten", "peiling", "bijeenkomsten"] | None,
        Query(description="Alleen dit contactpunt (standaard alle)."),
    ] = None,
    groep: Annotated[
        Literal["land", "maatregel", "thema", "fase", "provincie", "arbeidsmarktregio", "adviseur"],
        Query(description="Hoe de cijfers gegroepeerd worden; 'adviseur' alleen voor beheerders."),
    ] = "land",
    periode: Annotated[
        Literal["maand", "kwartaal"], Query(description="De perioden van de trend.")
    ] = "kwartaal",
    van: Day = None,
    tot: Annotated[
        BoundedDate | None, Query(description="Laatste dag (standaard vandaag).")
    ] = None,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    thema: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{1,80}$")] = None,
    fase: Annotated[int | None, Query(ge=1, le=99)] = None,
    provincie: Annotated[str | None, Query(pattern=r"^PV\d{2}$", examples=["PV26"])] = None,
    arbeidsmarktregio: Annotated[str | None, Query(pattern=r"^AM\d{2}$", examples=["AM19"])] = None,
    adviseur: Annotated[
        str | None,
        Query(
            pattern=r"^(ik|\d{1,9})$",
            description="'ik' voor uw eigen antwoorden, of het nummer van een adviseur "
            "(beheerders).",
        ),
    ] = None,
    formaat: TeamCsv = "json",
) -> Response:
    selection = figures.Selection(
        grouping=groep,
        period=periode,
        start=van,
        end=tot,
        touchpoint=contactpunt,
        measure=maatregel,
        theme=thema,
        wave=fase,
        province=provincie,
        region=arbeidsmarktregio,
        advisor=adviseur,
    )
    today = clock.today()
    # Who may see this is decided before a 304 could answer it.
    figures.check(principal, selection, today)

    def csv_link(touchpoint: str) -> str:
        kept = [
            f"{k}={v}"
            for k, v in request.query_params.items()
            if k not in ("formaat", "contactpunt")
        ]
        return f"{request.url.path}?{'&'.join([*kept, f'contactpunt={touchpoint}', 'formaat=csv'])}"

    def build() -> SatisfactionFigures:
        return figures.figures(
            session, principal, selection, csv_link, settings.survey_min_group_size
        )

    if formaat == "csv":
        answer = Response(
            figures_csv.as_csv(build()),
            media_type=CSV_CONTENT_TYPE,
            headers={"Cache-Control": PRIVATE_REVALIDATE},
        )
        name = f"tevredenheid-per-{groep}-{today}"
        answer.headers["Content-Disposition"] = csv_headers(name)["Content-Disposition"]
        return answer
    return conditional_versioned(
        request,
        f"{figures.version(session, today)}|{principal.subject}",
        build,
        cache_control=PRIVATE_REVALIDATE,
        # Built once per version of the scores for each person who asks, and kept.
        keep_private=True,
    )


@router.get(
    "/tevredenheid/lage-scores",
    response_model=LowScoreList,
    operation_id="tevredenheidLageScoresOpvragen",
    responses=NOT_MODIFIED,
    summary="Maatregelen waarvan de antwoorden de laatste tijd laag zijn beoordeeld: voorstellen "
    "voor een signaal (redactie)",
    openapi_extra=PERSON,
)
def low_scores(
    request: Request, principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> Response:
    figures.require_team(principal)
    today = clock.today()
    return conditional_versioned(
        request,
        f"{figures_signals.version(session, today)}|{principal.subject}",
        lambda: _low_scores(session, principal, settings.survey_min_group_size),
        cache_control=PRIVATE_REVALIDATE,
        keep_private=True,
    )


def _low_scores(session: Session, principal: Principal, minimum: int) -> LowScoreList:
    found = figures_signals.suggestions(session, principal, minimum)
    return LowScoreList(
        drempels=LowScoreThresholds(
            gemiddelde_hoogstens=figures_signals.LOW_MEAN,
            minimaal_beoordeeld=figures_signals.LOW_MINIMUM,
            dagen=figures_signals.LOW_DAYS,
        ),
        resultaten=[
            LowScoreSuggestion(
                sleutel=s.key,
                maatregel=CodeName(code=s.measure, naam=s.measure_title),
                gemiddelde=s.mean,
                aantal_beoordeeld=s.rated,
                van=s.start,
                tot=s.end,
                vragen=[
                    LowScoreQuestion(
                        id=r.question_id,
                        onderwerp=r.subject,
                        score=r.score or 0,
                        beoordeeld_op=r.rated_at or r.asked_at,
                    )
                    for r in s.low
                    if not r.erased
                ],
                voorstel=LowScoreProposal(
                    titel=(p := s.proposal()).title,
                    omschrijving=p.description,
                    maatregelen=p.measures,
                    themas=p.themes,
                ),
            )
            for s in found
        ],
    )


@router.post(
    "/tevredenheid/lage-scores/{sleutel}/signaal",
    status_code=status.HTTP_201_CREATED,
    response_model=SignalMade,
    operation_id="tevredenheidLageScoresTotSignaal",
    summary="Een groep lage scores in één stap tot signaal maken in het knelpuntenregister, "
    "met de laag beoordeelde vragen als bewijs (redactie)",
    responses=errors(e409="Van deze groep lage scores is al een signaal gemaakt."),
    openapi_extra=PERSON,
)
def low_scores_to_signal(
    key: Annotated[
        str,
        Path(
            alias="sleutel",
            pattern=figures_signals.KEY_PATTERN,
            description="De sleutel van de groep, zoals `tevredenheid-M07-123`.",
        ),
    ],
    body: LowScoreToSignal,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> Response:
    signal, questions = figures_signals.make_signal(
        session,
        ctx,
        principal,
        key,
        body.soort,
        body.titel,
        body.omschrijving,
        settings.survey_min_group_size,
    )
    made = SignalMade(
        id=signal.id, titel=signal.title, status=signal.status, aantal_vragen=questions
    )
    return Response(
        made.model_dump_json(by_alias=True),
        status_code=status.HTTP_201_CREATED,
        media_type="application/json",
        headers={"Location": api_path("signalen", signal.id), "Cache-Control": "no-store"},
    )


@router.get(
    "/tevredenheid/landelijk",
    response_model=PublicSatisfaction,
    operation_id="tevredenheidLandelijkOpvragen",
    summary="De algemene tevredenheid over de ondersteuning, landelijk, met bron, peilmoment en "
    "CSV (openbaar, CC BY 4.0)",
    description=(
        "De algemene vraag van de peiling per gesloten ronde en hoe nuttig vraagstellers de "
        "antwoorden vonden per kwartaal; alleen groepen van ten minste de minimale groepsgrootte "
        "(standaard 5) aan respondenten, anders 'te weinig antwoorden'."
    ),
    openapi_extra=PUBLIC,
    responses={**NOT_MODIFIED, **CSV_RESPONSES},
)
def public_satisfaction(
    request: Request, session: SessionDep, settings: SettingsDep, formaat: CsvFormat = "json"
) -> Response:
    minimum = settings.survey_min_group_size
    if formaat == "csv":
        answer = conditional_versioned(
            request,
            figures_public.version(session),
            lambda: figures_public.as_csv(figures_public.build(session, request, minimum)),
            media_type=CSV_CONTENT_TYPE,
        )
        answer.headers.update(csv_headers(f"{figures_public.FILE_NAME}-{clock.today()}"))
        return answer
    return conditional_versioned(
        request,
        figures_public.version(session),
        lambda: figures_public.build(session, request, minimum),
        again=figures_public.version,
    )
