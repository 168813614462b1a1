"""HTTP endpoints of the meetings' reach, the invitations where they matter and the effect
afterwards (programme team)."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from api.accounts.principal import CurrentPrincipal
from api.core import clock
from api.core.dates import BoundedDate
from api.core.db import SessionDep
from api.core.negotiation import accepts, accepts_json, require_accept
from api.core.opendata import CSV_CONTENT_TYPE, CSV_MEDIA_TYPE
from api.core.requests import SettingsDep
from api.core.routing import PERSON, errors
from api.meetings import effect as effects
from api.meetings import invitations, reach
from api.meetings.reach_schemas import (
    Criterion,
    Effect,
    InvitationPreview,
    InvitationRequest,
    InvitationResult,
    Reach,
)

router = APIRouter(tags=["Bijeenkomsten"])

MeetingId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de bijeenkomst.")
]
From = Annotated[
    BoundedDate | None,
    Query(alias="van", description="Eerste dag; standaard de eerste dag van het halfjaar."),
]
Until = Annotated[
    BoundedDate | None,
    Query(alias="tot", description="Tot en met; standaard de laatste dag van het halfjaar."),
]


def _wants_csv(request: Request) -> bool:
    """CSV when the client asks for it by name (or text/*) and takes no JSON; JSON otherwise,
    406 when it takes neither."""
    accept = request.headers.get("accept", "")
    if accept and accepts(accept, CSV_MEDIA_TYPE) and not accepts_json(accept):
        return True
    require_accept(request, "application/json", CSV_MEDIA_TYPE)
    return False


@router.get(
    "/bijeenkomsten/bereik",
    response_model=Reach,
    operation_id="bijeenkomstenBereikOpvragen",
    summary="Het bereik van de bijeenkomsten per maatregel, soort, provincie en "
    "arbeidsmarktregio, en de gemeenten die niet bereikt zijn (redactie)",
    description=(
        "Standaard het lopende halfjaar (Nederlandse kalenderdagen); met alleen `van` of `tot` "
        "de rest van dat halfjaar. Met `Accept: text/csv` dezelfde cijfers als één tabel."
    ),
    openapi_extra=PERSON,
    responses={
        200: {
            "description": "Het bereik; met Accept: text/csv als CSV.",
            "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
        },
        **errors(e406="Noch JSON noch CSV wordt geaccepteerd."),
    },
)
def meeting_reach(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    van: From = None,
    tot: Until = None,
) -> Response:
    csv = _wants_csv(request)
    figures = reach.reach(session, principal, van, tot, clock.today())
    headers = {"Cache-Control": "private, no-store"}
    if csv:
        headers["Content-Disposition"] = f'attachment; filename="{reach.file_name(figures)}.csv"'
        return Response(reach.to_csv(figures), media_type=CSV_CONTENT_TYPE, headers=headers)
    return Response(
        figures.model_dump_json(by_alias=True), media_type="application/json", headers=headers
    )


@router.get(
    "/bijeenkomsten/{id}/uitnodigingen/voorbeeld",
    response_model=InvitationPreview,
    operation_id="bijeenkomstUitnodigingenVoorbeeld",
    summary="Wie een uitnodiging zou krijgen: de gemeenten die te laat zijn of risico lopen op "
    "de maatregelen van de bijeenkomst, met hun contactpersonen (redactie)",
    description=(
        "Het verkeerslicht is dat van de voortgangscijfers (zoals in 'hulp nodig'). Alleen "
        "actieve contactpersonen die nog niet zijn uitgenodigd en niet zijn aangemeld; zonder "
        "e-mailadressen."
    ),
    openapi_extra=PERSON,
    responses=errors(e404="Onbekende bijeenkomst."),
)
def invitation_preview(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    meeting_id: MeetingId,
    criterium: Annotated[
        Criterion, Query(description="te-laat, risico of beide (standaard).")
    ] = "beide",
) -> InvitationPreview:
    return invitations.preview(session, request.app.state, principal, meeting_id, criterium)


@router.post(
    "/bijeenkomsten/{id}/uitnodigingen",
    response_model=InvitationResult,
    operation_id="bijeenkomstUitnodigen",
    summary="Nodig de contactpersonen uit van elke gemeente die te laat is of risico loopt op "
    "de maatregelen van de bijeenkomst (redactie)",
    description=(
        "Iedereen krijgt één uitnodiging per bijeenkomst: opnieuw uitnodigen bereikt alleen wie "
        "er sindsdien bij kwam. Elke uitnodiging gaat per e-mail, met de reden."
    ),
    openapi_extra=PERSON,
    responses=errors(
        e404="Onbekende bijeenkomst.",
        e409="Niet open of vol, aanmelden kan niet meer, of alleen voor ketenpartners.",
    ),
)
def invite(
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    meeting_id: MeetingId,
    body: InvitationRequest,
) -> InvitationResult:
    return invitations.invite(
        session, request.app.state, settings, principal, meeting_id, body.criterium
    )


@router.get(
    "/bijeenkomsten/{id}/effect",
    response_model=Effect,
    operation_id="bijeenkomstEffectOpvragen",
    summary="Gingen de gemeenten die te laat waren of risico liepen sneller vooruit als ze "
    "aanwezig waren? (redactie)",
    openapi_extra=PERSON,
    responses=errors(e404="Onbekende bijeenkomst.", e409="Nog niet begonnen of geannuleerd."),
)
def meeting_effect(
    request: Request, principal: CurrentPrincipal, session: SessionDep, meeting_id: MeetingId
) -> Effect:
    return effects.effect(session, request.app.state, principal, meeting_id)
