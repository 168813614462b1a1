"""Public shapes of what happens during and after a meeting: a consultation hour's slots and
their bookings, the check-in list and attendance, materials, and the questions asked there.
Which municipality booked a slot, and its question, appear only to the team and to that
municipality's own contacts."""

from datetime import datetime

from pydantic import Field

from api.core.dates import BoundedMoment
from api.core.schemas import ApiModel, CodeName, RequestModel, RowId
from api.meetings.models import Attendance
from api.meetings.schemas import MUNICIPALITY
from api.products.models import ProductType
from api.questions.models import Channel, QuestionStatus


class SlotsCreate(RequestModel):
    """Left out: the meeting's own begin, end and slot length. Making slots again replaces the
    free ones, as long as none is booked."""

    begin: BoundedMoment | None = Field(default=None, description="Niet vóór het begin.")
    einde: BoundedMoment | None = Field(default=None, description="Niet na het einde.")
    tijdslot_minuten: int | None = Field(
        default=None,
        ge=5,
        le=240,
        description="Lengte van een tijdslot; een laatste, kortere rest vervalt.",
    )


class Slot(ApiModel):
    id: int
    begin: datetime
    einde: datetime
    vrij: bool
    gemeente: CodeName | None = Field(
        description="Alleen voor het programmateam en de contactpersonen van die gemeente."
    )
    vraag: int | None = Field(
        description="De vraag van de boeking; alleen voor het programmateam en de eigen gemeente."
    )


class SlotList(ApiModel):
    tijdslot_minuten: int | None
    tijdsloten: list[Slot]


class BookingCreate(RequestModel):
    gemeente: str | None = Field(
        default=None,
        pattern=MUNICIPALITY,
        description="Voor welke gemeente (verplicht bij een contactpersoon van meer gemeenten).",
    )
    onderwerp: str = Field(min_length=5, max_length=200)
    toelichting: str = Field(
        min_length=10,
        max_length=10_000,
        description="Wat u wilt bespreken, zodat de adviseur zich kan voorbereiden.",
    )


class Booking(ApiModel):
    tijdslot: Slot
    vraag: int = Field(description="De vraag (kanaal spreekuur), te volgen onder Mijn vragen.")
    aanmelding: int = Field(description="De eigen aanmelding: bevestiging en herinnering.")


class CheckInRow(ApiModel):
    aanmelding: int
    naam: str
    email: str
    gemeente: CodeName | None
    organisatie: CodeName | None
    aanwezigheid: Attendance | None


class CheckInList(ApiModel):
    """Everyone registered, by municipality and then name (chain partners after them)."""

    bijeenkomst: int
    titel: str
    begin: datetime
    aanmeldingen: list[CheckInRow]


class AttendanceItem(RequestModel):
    aanmelding: RowId
    status: Attendance


class AttendanceUpdate(RequestModel):
    aanwezigheid: list[AttendanceItem] = Field(min_length=1, max_length=5_000)


class MaterialCreate(RequestModel):
    product: RowId = Field(description="Een product van de soort presentatie of opname.")


class MaterialProduct(ApiModel):
    id: int
    titel: str
    soort: ProductType


class Material(ApiModel):
    product: MaterialProduct
    toegevoegd_op: datetime
    verstuurd_op: datetime | None


class MaterialList(ApiModel):
    materialen: list[Material]


class MaterialsSent(ApiModel):
    verstuurd: int = Field(description="Aantal verstuurde mails; 0 als er niets nieuws was.")


class QuestionLinkCreate(RequestModel):
    vraag: RowId


class MeetingQuestion(ApiModel):
    id: int
    onderwerp: str
    status: QuestionStatus
    kanaal: Channel
    toegevoegd_op: datetime


class MeetingQuestionList(ApiModel):
    vragen: list[MeetingQuestion]
