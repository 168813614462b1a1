"""HTTP endpoints of what happens during and after a meeting: a consultation hour's slots and
their bookings, the check-in list and attendance, materials, and the questions asked there."""

from typing import Annotated

from fastapi import Path, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import SettingsDep
from api.core.routing import PERSON, PUBLIC_OR_PERSON, errors, json_router
from api.core.urls import api_path
from api.meetings import (
    attendance,
    materials,
    meeting_questions,
    registration_presenters,
    registrations,
    slots,
)
from api.meetings import session_presenters as presenters
from api.meetings.schemas import RegistrationList
from api.meetings.session_schemas import (
    AttendanceUpdate,
    Booking,
    BookingCreate,
    CheckInList,
    Material,
    MaterialCreate,
    MaterialList,
    MaterialsSent,
    MeetingQuestion,
    MeetingQuestionList,
    QuestionLinkCreate,
    SlotList,
    SlotsCreate,
)

router = json_router(tags=["Bijeenkomsten"], conditional=False)

MAX_ID = 2_147_483_647
MeetingId = Annotated[
    int, Path(alias="id", ge=1, le=MAX_ID, description="Nummer van de bijeenkomst.")
]
SlotId = Annotated[
    int, Path(alias="slotId", ge=1, le=MAX_ID, description="Nummer van het tijdslot.")
]
ProductId = Annotated[int, Path(alias="productId", ge=1, le=MAX_ID)]
QuestionId = Annotated[int, Path(alias="vraagId", ge=1, le=MAX_ID)]
MISSING = errors(e404="Deze bijeenkomst bestaat niet.")
MANAGERS = {
    **MISSING,
    **errors(e401="Niet ingelogd.", e403="Alleen voor de redactie of de organisator."),
}


@router.post(
    "/bijeenkomsten/{id}/tijdsloten",
    status_code=status.HTTP_201_CREATED,
    response_model=SlotList,
    operation_id="tijdslotenMaken",
    summary="De tijdsloten van een spreekuur maken of opnieuw maken (redactie, organisator)",
    description="Van begin tot einde in stappen van tijdslotMinuten (leeg: die van het "
    "spreekuur); een kortere rest aan het einde vervalt. Opnieuw maken vervangt de tijdsloten, "
    "zolang er geen is geboekt.",
    responses={
        **MANAGERS,
        **errors(e409="Geen spreekuur, geannuleerd, of er zijn al tijdsloten geboekt."),
    },
    openapi_extra=PERSON,
)
def make_slots(
    meeting_id: MeetingId, body: SlotsCreate, principal: CurrentPrincipal, session: SessionDep
) -> SlotList:
    plan = slots.SlotPlan(body.begin, body.einde, body.tijdslot_minuten)
    meeting = slots.make(session, principal, meeting_id, plan)
    _, rows = slots.listing(session, meeting.id)
    return presenters.slot_list(session, principal, meeting, rows)


@router.get(
    "/bijeenkomsten/{id}/tijdsloten",
    response_model=SlotList,
    operation_id="tijdslotenOpvragen",
    summary="De tijdsloten van een spreekuur en welke vrij zijn (openbaar)",
    description="Welke gemeente een tijdslot boekte, en haar vraag, ziet alleen het "
    "programmateam en die gemeente zelf.",
    responses=MISSING,
    openapi_extra=PUBLIC_OR_PERSON,
)
def list_slots(meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep) -> SlotList:
    meeting, rows = slots.listing(session, meeting_id)
    return presenters.slot_list(session, principal, meeting, rows)


@router.post(
    "/bijeenkomsten/{id}/tijdsloten/{slotId}/boeking",
    status_code=status.HTTP_201_CREATED,
    response_model=Booking,
    operation_id="tijdslotBoeken",
    summary="Een tijdslot boeken voor de eigen gemeente (contactpersoon)",
    description="Het onderwerp wordt een vraag (kanaal spreekuur) aan het programmateam, "
    "gekoppeld aan het tijdslot, zodat de adviseur zich kan voorbereiden; wie boekt, is "
    "aangemeld en krijgt de bevestiging met .ics. Eén gemeente per tijdslot, één tijdslot per "
    "gemeente per spreekuur.",
    responses={
        **MISSING,
        **errors(
            e401="Niet ingelogd.",
            e403="Geen contactpersoon van deze gemeente.",
            e409="Het tijdslot is al geboekt, de gemeente heeft al een tijdslot, of boeken kan "
            "(nog) niet.",
        ),
    },
    openapi_extra=PERSON,
)
def book_slot(
    meeting_id: MeetingId,
    slot_id: SlotId,
    body: BookingCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
) -> Booking:
    topic = slots.Topic(body.gemeente, body.onderwerp, body.toelichting)
    booked = slots.book(session, settings, principal, meeting_id, slot_id, topic)
    response.headers["Location"] = api_path("vragen", booked.question_id)
    return presenters.booking(session, principal, booked)


@router.delete(
    "/bijeenkomsten/{id}/tijdsloten/{slotId}/boeking",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="tijdslotBoekingAnnuleren",
    summary="Een boeking annuleren (eigen gemeente, redactie); de vraag blijft",
    responses={
        **MISSING,
        **errors(
            e401="Niet ingelogd.",
            e403="Niet de eigen gemeente.",
            e409="Het tijdslot is niet geboekt of al begonnen.",
        ),
    },
    openapi_extra=PERSON,
)
def cancel_booking(
    meeting_id: MeetingId,
    slot_id: SlotId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    slots.cancel(session, settings, principal, meeting_id, slot_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/bijeenkomsten/{id}/presentielijst",
    response_model=CheckInList,
    operation_id="presentielijstOpvragen",
    summary="De presentielijst: wie is aangemeld, per gemeente en naam (redactie, organisator)",
    responses=MANAGERS,
    openapi_extra=PERSON,
)
def check_in_list(
    meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep
) -> CheckInList:
    return presenters.check_in_list(attendance.check_in_list(session, principal, meeting_id))


@router.put(
    "/bijeenkomsten/{id}/aanwezigheid",
    response_model=RegistrationList,
    operation_id="aanwezigheidVastleggen",
    summary="Aanwezigheid vastleggen: aanwezig, afwezig of laat afgemeld (redactie, organisator)",
    description="Vanaf het begin van de bijeenkomst; alleen voor haar eigen aanmeldingen.",
    responses={
        **MANAGERS,
        **errors(e409="De bijeenkomst is nog niet begonnen of is geannuleerd."),
    },
    openapi_extra=PERSON,
)
def record_attendance(
    meeting_id: MeetingId, body: AttendanceUpdate, principal: CurrentPrincipal, session: SessionDep
) -> RegistrationList:
    marks = [attendance.Mark(item.aanmelding, item.status) for item in body.aanwezigheid]
    attendance.record(session, principal, meeting_id, marks)
    listed = registrations.of_meeting(session, principal, meeting_id)
    return registration_presenters.registration_list(session, principal, listed)


@router.get(
    "/bijeenkomsten/{id}/materialen",
    response_model=MaterialList,
    operation_id="materialenOpvragen",
    summary="De presentatie en opname van een bijeenkomst (openbaar: de gepubliceerde)",
    responses=MISSING,
    openapi_extra=PUBLIC_OR_PERSON,
)
def list_materials(
    meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep
) -> MaterialList:
    return presenters.material_list(materials.listing(session, principal, meeting_id))


@router.post(
    "/bijeenkomsten/{id}/materialen",
    status_code=status.HTTP_201_CREATED,
    response_model=Material,
    operation_id="materiaalToevoegen",
    summary="Een product (presentatie of opname) als materiaal toevoegen (redactie, organisator)",
    responses={**MANAGERS, **errors(e409="Dit product hoort al bij de bijeenkomst.")},
    openapi_extra=PERSON,
)
def add_material(
    meeting_id: MeetingId,
    body: MaterialCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> Material:
    item = materials.add(session, principal, meeting_id, body.product)
    response.headers["Location"] = api_path("producten", item.product.id)
    return presenters.material(item)


@router.delete(
    "/bijeenkomsten/{id}/materialen/{productId}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="materiaalVerwijderen",
    summary="Een materiaal loskoppelen; het product blijft (redactie, organisator)",
    responses=MANAGERS,
    openapi_extra=PERSON,
)
def remove_material(
    meeting_id: MeetingId, product_id: ProductId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    materials.remove(session, principal, meeting_id, product_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/bijeenkomsten/{id}/materialen/versturen",
    response_model=MaterialsSent,
    operation_id="materialenVersturen",
    summary="De nog niet verstuurde materialen mailen aan iedereen die is aangemeld",
    description="Alleen gepubliceerde producten gaan mee; wat al verstuurd is, gaat niet "
    "opnieuw (nogmaals versturen mailt niets en geeft 0).",
    responses=MANAGERS,
    openapi_extra=PERSON,
)
def send_materials(
    meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> MaterialsSent:
    return MaterialsSent(verstuurd=materials.send(session, settings, principal, meeting_id))


@router.get(
    "/bijeenkomsten/{id}/vragen",
    response_model=MeetingQuestionList,
    operation_id="bijeenkomstVragenOpvragen",
    summary="De vragen gesteld tijdens de bijeenkomst of geboekt voor het spreekuur (redactie)",
    responses=MANAGERS,
    openapi_extra=PERSON,
)
def list_questions(
    meeting_id: MeetingId, principal: CurrentPrincipal, session: SessionDep
) -> MeetingQuestionList:
    return presenters.meeting_question_list(
        meeting_questions.listing(session, principal, meeting_id)
    )


@router.post(
    "/bijeenkomsten/{id}/vragen",
    status_code=status.HTTP_201_CREATED,
    response_model=MeetingQuestion,
    operation_id="bijeenkomstVraagKoppelen",
    summary="Een bestaande vraag koppelen aan de bijeenkomst (redactie)",
    responses={**MANAGERS, **errors(e409="Deze vraag hoort al bij de bijeenkomst.")},
    openapi_extra=PERSON,
)
def link_question(
    meeting_id: MeetingId,
    body: QuestionLinkCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> MeetingQuestion:
    linked = meeting_questions.link(session, principal, meeting_id, body.vraag)
    response.headers["Location"] = api_path("vragen", linked.question.id)
    return presenters.meeting_question(linked)


@router.delete(
    "/bijeenkomsten/{id}/vragen/{vraagId}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    operation_id="bijeenkomstVraagOntkoppelen",
    summary="Een vraag loskoppelen van de bijeenkomst; de vraag blijft (redactie)",
    responses=MANAGERS,
    openapi_extra=PERSON,
)
def unlink_question(
    meeting_id: MeetingId, question_id: QuestionId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    meeting_questions.unlink(session, principal, meeting_id, question_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
