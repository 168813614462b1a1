"""HTTP endpoints of the blockers view and the suggestions: from practice to the register in one
step (programme team only)."""

from typing import Annotated

from fastapi import Path, Query, Response, status
from sqlalchemy.orm import Session

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.conditional import private_versioned
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PERSON, errors, json_router
from api.core.security import Principal
from api.core.settings import Settings
from api.core.urls import api_path
from api.signals import blockers, insight_presenters, presenters, proposals, suggestions
from api.signals.blockers import BlockerKindFilter
from api.signals.insight_schemas import (
    BlockersView,
    GroupToSignal,
    ProposalChanges,
    SuggestionList,
    SuggestionThresholds,
)
from api.signals.schemas import SignalRead
from api.signals.vocabulary import Signal

router = json_router(tags=["Signalen"], conditional=False)

SuggestionKey = Annotated[
    str,
    Path(
        alias="sleutel",
        pattern=suggestions.KEY_PATTERN,
        description="De sleutel van de suggestie, zoals `vragen-123` of `knelpunten-GM0344-M01`.",
    ),
]
TAKEN = errors(e409="Van deze groep of suggestie is al een signaal gemaakt.")


def _created(session: Session, principal: Principal, signal: Signal) -> Response:
    return private_versioned(
        presenters.detail(session, principal, signal, clock.now()),
        signal.version,
        status_code=status.HTTP_201_CREATED,
        location=api_path("signalen", signal.id),
    )


def _changes(body: ProposalChanges | None) -> proposals.Overrides:
    if body is None:
        return proposals.Overrides()
    return proposals.Overrides(
        title=body.titel,
        description=body.omschrijving,
        kind=body.soort,
        measures=body.maatregelen,
        themes=body.themas,
    )


@router.get(
    "/signalen/knelpunten",
    response_model=BlockersView,
    operation_id="knelpuntenOpvragen",
    summary="Alle knelpunten van gemeenten per maatregel en soort, en gebundeld naar gelijkende "
    "tekst (redactie)",
    openapi_extra=PERSON,
)
def blockers_view(
    principal: CurrentPrincipal,
    session: SessionDep,
    maatregel: Annotated[str | None, Query(pattern=r"^M\d{2}$")] = None,
    soort: Annotated[
        BlockerKindFilter | None,
        Query(description="De soort knelpunt; 'geen' voor die zonder soort."),
    ] = None,
) -> BlockersView:
    view = blockers.view(session, principal, maatregel, soort)
    return insight_presenters.blockers_view(view)


@router.post(
    "/signalen/knelpunten/groepen",
    status_code=status.HTTP_201_CREATED,
    response_model=SignalRead,
    operation_id="signaalVanKnelpuntenMaken",
    summary="Een groep knelpunten in één stap tot signaal maken, met al haar knelpunten als "
    "bewijs (redactie)",
    responses=TAKEN,
    openapi_extra=PERSON,
)
def group_to_signal(
    body: GroupToSignal, principal: CurrentPrincipal, session: SessionDep, ctx: ContextDep
) -> Response:
    signal = blockers.make_signal(session, ctx, principal, body.sleutel, _changes(body))
    return _created(session, principal, signal)


def _thresholds(settings: Settings) -> SuggestionThresholds:
    return SuggestionThresholds(
        gemeenten=settings.signal_suggestion_municipalities,
        stijgend_minimaal=settings.signal_suggestion_rising_minimum,
        dagen_vragen=settings.signal_suggestion_days,
    )


@router.get(
    "/signalen/suggesties",
    response_model=SuggestionList,
    operation_id="signaalSuggestiesOpvragen",
    summary="Voorgestelde signalen uit gelijkende vragen en knelpunten die een drempel passeren "
    "(redactie)",
    openapi_extra=PERSON,
)
def list_suggestions(
    principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> SuggestionList:
    listing = suggestions.listing(session, principal, settings)
    return insight_presenters.suggestion_list(session, listing, _thresholds(settings))


@router.post(
    "/signalen/suggesties/{sleutel}/overnemen",
    status_code=status.HTTP_201_CREATED,
    response_model=SignalRead,
    operation_id="signaalSuggestieOvernemen",
    summary="Een suggestie overnemen als signaal, met al haar bewijs (redactie)",
    responses=TAKEN,
    openapi_extra=PERSON,
)
def accept_suggestion(
    key: SuggestionKey,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
    body: ProposalChanges | None = None,
) -> Response:
    signal = suggestions.accept(session, ctx, principal, settings, key, _changes(body))
    return _created(session, principal, signal)


@router.post(
    "/signalen/suggesties/{sleutel}/afwijzen",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="signaalSuggestieAfwijzen",
    summary="Een suggestie afwijzen: zij komt pas terug als haar bewijs groeit (redactie)",
    responses=TAKEN,
    openapi_extra=PERSON,
)
def dismiss_suggestion(
    key: SuggestionKey,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> Response:
    suggestions.dismiss(session, ctx, principal, settings, key)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
