"""Public shapes of the agenda: meetings, registrations and the waiting list. A join link and
the names of the people registered appear only in the shapes of those who may see them
(api/meetings/policy.py)."""

from datetime import datetime

from pydantic import Field

from api.core.dates import BoundedMoment
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, Link, RequestModel, RowId
from api.meetings.models import (
    Attendance,
    Audience,
    HostRole,
    MeetingKind,
    MeetingStatus,
    RegistrationStatus,
)

MUNICIPALITY = r"^GM\d{4}$"
MEASURE = r"^M\d{2}$"
PROVINCE = r"^PV\d{2}$"
REGION = r"^AM\d{2}$"


class HostInput(RequestModel):
    organisatie: str = Field(min_length=1, max_length=60, description="Code van de organisatie.")
    rol: HostRole = HostRole.ORGANISER


class MeetingCreate(RequestModel):
    soort: MeetingKind
    titel: str = Field(min_length=5, max_length=200)
    omschrijving: str = Field(default="", max_length=20_000)
    doelgroep: Audience = Audience.MUNICIPALITIES
    maatregelen: list[str] = Field(default_factory=list, max_length=23)
    themas: list[str] = Field(default_factory=list, max_length=20)
    organisatoren: list[HostInput] = Field(default_factory=list, max_length=10)
    online: bool = False
    deelnamelink: str | None = Field(
        default=None,
        max_length=500,
        pattern=r"^https://",
        description="Alleen zichtbaar voor wie is aangemeld (online bijeenkomsten).",
    )
    locatie: str | None = Field(default=None, max_length=200, description="Naam van de zaal.")
    adres: str | None = Field(default=None, max_length=300)
    provincie: str | None = Field(default=None, pattern=PROVINCE)
    arbeidsmarktregio: str | None = Field(default=None, pattern=REGION)
    begin: BoundedMoment = Field(description="Met tijdzone; getoond in Europe/Amsterdam.")
    einde: BoundedMoment
    capaciteit: int | None = Field(
        default=None, ge=1, le=10_000, description="Aantal plaatsen; leeg: geen grens."
    )
    aanmelden_tot: BoundedMoment | None = Field(default=None, description="Leeg: tot het begin.")
    tijdslot_minuten: int | None = Field(
        default=None,
        ge=5,
        le=240,
        description="Alleen bij een spreekuur: de lengte van een boekbaar tijdslot.",
    )
    organisator: RowId | None = Field(
        default=None, description="Persoon (adviseur of redacteur) die de bijeenkomst leidt."
    )
    status: MeetingStatus = Field(
        default=MeetingStatus.PLANNED, description="'gepland' of 'open' (aanmelden mogelijk)."
    )


class MeetingUpdate(RequestModel):
    """Every field optional: what is left out stays. A new time or place raises the calendar
    SEQUENCE and sends everyone registered an updated invitation."""

    titel: str | None = Field(default=None, min_length=5, max_length=200)
    omschrijving: str | None = Field(default=None, max_length=20_000)
    doelgroep: Audience | None = None
    maatregelen: list[str] | None = Field(default=None, max_length=23)
    themas: list[str] | None = Field(default=None, max_length=20)
    organisatoren: list[HostInput] | None = Field(default=None, max_length=10)
    online: bool | None = None
    deelnamelink: str | None = Field(default=None, max_length=500, pattern=r"^https://")
    locatie: str | None = Field(default=None, max_length=200)
    adres: str | None = Field(default=None, max_length=300)
    provincie: str | None = Field(default=None, pattern=PROVINCE)
    arbeidsmarktregio: str | None = Field(default=None, pattern=REGION)
    begin: BoundedMoment | None = None
    einde: BoundedMoment | None = None
    capaciteit: int | None = Field(default=None, ge=1, le=10_000)
    aanmelden_tot: BoundedMoment | None = Field(default=None)
    organisator: RowId | None = None
    status: MeetingStatus | None = Field(
        default=None, description="'gepland' of 'open'; annuleren gaat via /annulering."
    )


class MeetingCancel(RequestModel):
    reden: str = Field(min_length=3, max_length=2_000)


class Host(ApiModel):
    code: str
    naam: str
    rol: HostRole


class PersonRef(ApiModel):
    id: int
    naam: str


class Places(ApiModel):
    capaciteit: int | None
    aangemeld: int
    wachtlijst: int
    vrij: int | None = Field(description="Leeg: geen grens.")


class MeetingLinks(ApiModel):
    self: Link
    kalender: Link = Field(description="Het .ics-bestand van deze bijeenkomst.")


class MeetingSummary(ApiModel):
    id: int
    soort: MeetingKind
    titel: str
    doelgroep: Audience
    status: MeetingStatus = Field(description="'afgelopen' zodra het einde voorbij is.")
    begin: datetime
    einde: datetime
    online: bool
    locatie: str | None
    provincie: CodeName | None
    arbeidsmarktregio: CodeName | None
    maatregelen: list[CodeName]
    plaatsen: Places
    aanmelden_mogelijk: bool
    mijn_aanmelding: RegistrationStatus | None = Field(
        default=None,
        description="Van de ingelogde persoon zelf; leeg voor bezoekers.",
    )


class MeetingDetail(MeetingSummary):
    omschrijving: str
    themas: list[CodeName]
    organisatoren: list[Host]
    adres: str | None
    aanmelden_tot: datetime | None
    tijdslot_minuten: int | None
    deelnamelink: str | None = Field(
        description="Alleen voor wie is aangemeld en het programmateam."
    )
    organisator: PersonRef | None = Field(description="Alleen voor het programmateam.")
    geannuleerd_op: datetime | None
    reden_annulering: str | None
    versie: int
    links: MeetingLinks = Field(alias="_links")


class MeetingPage(ApiModel):
    resultaten: list[MeetingSummary]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


# ---------------------------------------------------------------------------------------------
# Registrations


class RegistrationCreate(RequestModel):
    """Leave out naam and email to register yourself; give them to register a colleague of your
    municipality (no account needed)."""

    naam: str | None = Field(default=None, min_length=2, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    gemeente: str | None = Field(
        default=None,
        pattern=MUNICIPALITY,
        description="Voor welke gemeente (verplicht bij een contactpersoon van meer gemeenten).",
    )


class Registration(ApiModel):
    id: int
    naam: str
    email: str
    gemeente: CodeName | None
    organisatie: CodeName | None
    status: RegistrationStatus
    plaats_op_wachtlijst: int | None = Field(
        description="1 is de eerste die een vrijgekomen plaats krijgt."
    )
    aangemeld_op: datetime
    afgemeld_op: datetime | None
    aanwezigheid: Attendance | None


class RegistrationList(ApiModel):
    aanmeldingen: list[Registration]
    plaatsen: Places


class MyMeeting(ApiModel):
    bijeenkomst: MeetingSummary
    aanmeldingen: list[Registration] = Field(
        description="Eigen aanmelding en die van collega's die zij aanmeldde."
    )


class MyMeetings(ApiModel):
    komend: list[MyMeeting]
    afgelopen: list[MyMeeting]


class TokenCancel(RequestModel):
    token: str = Field(min_length=20, max_length=200)


class HistoryItem(ApiModel):
    soort: str
    door: str
    op: datetime
    gegevens: dict[str, object]


class RegistrationLookup(ApiModel):
    """What the link in a registration's mail names, for the page that cancels it."""

    bijeenkomst: MeetingSummary
    naam: str
    status: RegistrationStatus = Field(description="'afgemeld' als de link al is gebruikt.")
