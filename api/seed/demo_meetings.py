"""A demo agenda: meetings of every kind around the day the demo is loaded, some past and some
coming, on site and online, one full and one cancelled, about the seeded measures and hosted by
the seeded organisations. Their registrations are the registrations' demo.

Deterministic: the same meetings, at times counted from the day the demo is loaded. Made once:
each has a fixed calendar UID, so a second `spoorboek demo` finds them made."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core import clock
from api.measures.models import Measure
from api.meetings.models import (
    Audience,
    HostRole,
    Meeting,
    MeetingEvent,
    MeetingHost,
    MeetingKind,
    MeetingStatus,
    meeting_themes,
)
from api.municipalities.models import Municipality
from api.organisations.models import Organisation
from api.seed.demo_accounts import DEMO_USERS

K = MeetingKind
ORGANISER = DEMO_USERS[1].email
"""The demo editor organises the demo agenda."""
JOIN = "https://vergaderen.demo.spoorboek.example/"


@dataclass(frozen=True)
class DemoMeeting:
    key: str
    kind: MeetingKind
    title: str
    description: str
    measures: tuple[str, ...]
    day: int
    """Days from the day the demo is loaded; negative: past."""
    start: time
    minutes: int
    hosts: tuple[tuple[str, HostRole], ...] = (("vng", HostRole.ORGANISER),)
    audience: Audience = Audience.MUNICIPALITIES
    online: bool = False
    venue: str | None = None
    address: str | None = None
    place: str | None = None
    """A municipality whose province and labour-market region the meeting is in."""
    capacity: int | None = None
    status: MeetingStatus = MeetingStatus.OPEN
    slot_minutes: int | None = None
    cancel_reason: str | None = None


CO = HostRole.CO_HOST
DEMO_MEETINGS = (
    DemoMeeting(
        "01",
        K.WEBINAR,
        "Webinar giftenvrijlating: een jaar ervaring",
        "Wat leerden gemeenten in het eerste jaar van de giftenvrijlating, en welke vragen "
        "komen het meest terug?",
        ("M01",),
        -62,
        time(14, 0),
        60,
        hosts=(("vng", HostRole.ORGANISER), ("divosa", CO)),
        audience=Audience.EVERYONE,
        online=True,
        capacity=250,
    ),
    DemoMeeting(
        "02",
        K.WORK_SESSION,
        "Werksessie vermogenstoets in de werkinstructies",
        "Samen de werkinstructies voor de doorlopende vermogensgrens doorlopen.",
        ("M03",),
        -41,
        time(9, 30),
        180,
        venue="Stadskantoor, zaal 4",
        address="Stadsplateau 1, Utrecht",
        place="GM0344",
        capacity=24,
    ),
    DemoMeeting(
        "03",
        K.TRAINING,
        "Training voor contactpersonen: voortgang doorgeven",
        "Hoe u de voortgang van uw gemeente doorgeeft, per maatregel of in één bestand.",
        ("M01", "M02", "M03"),
        -28,
        time(13, 0),
        150,
        online=True,
        capacity=40,
    ),
    DemoMeeting(
        "04",
        K.REGIONAL,
        "Regiobijeenkomst Holland Rijnland met ketenpartners",
        "Gemeenten, het UWV en de sociale diensten in de regio over de jongerennorm.",
        ("M02",),
        -14,
        time(10, 0),
        150,
        hosts=(("vng", HostRole.ORGANISER), ("stimulansz", CO)),
        audience=Audience.EVERYONE,
        venue="Gemeentehuis Hillegom",
        address="Hoofdstraat 115, Hillegom",
        place="GM0534",
        capacity=60,
    ),
    DemoMeeting(
        "05",
        K.CONSULTATION_HOUR,
        "Spreekuur zoektermijn jongeren",
        "Boek een tijdslot van twintig minuten en leg uw casus over de zoektermijn voor.",
        ("M04",),
        -6,
        time(13, 0),
        120,
        online=True,
        slot_minutes=20,
    ),
    DemoMeeting(
        "06",
        K.ELSEWHERE,
        "Presentatie op het Divosa-congres",
        "Het programmateam presenteert de stand van de implementatie.",
        ("M01", "M03"),
        -2,
        time(11, 0),
        45,
        hosts=(("divosa", HostRole.ORGANISER), ("vng", CO)),
        audience=Audience.EVERYONE,
        venue="Congrescentrum",
        address="Jaarbeursplein 6, Utrecht",
        place="GM0344",
        status=MeetingStatus.PLANNED,
    ),
    DemoMeeting(
        "07",
        K.WEBINAR,
        "Webinar harmonisatie jongerennorm",
        "De nieuwe verhoging van de jongerennorm, met voorbeelden uit de praktijk.",
        ("M02",),
        2,
        time(15, 0),
        60,
        hosts=(("vng", HostRole.ORGANISER), ("divosa", CO)),
        audience=Audience.EVERYONE,
        online=True,
        capacity=300,
    ),
    DemoMeeting(
        "08",
        K.WORK_SESSION,
        "Werksessie giften registreren",
        "Hoe legt u giften vast in uw systeem? Met de leveranciers aan tafel.",
        ("M01",),
        5,
        time(9, 30),
        180,
        venue="Provinciehuis, zaal Noord",
        address="Martinikerkhof 12, Groningen",
        place="GM0014",
        capacity=12,
        status=MeetingStatus.FULL,
    ),
    DemoMeeting(
        "09",
        K.CONSULTATION_HOUR,
        "Spreekuur vermogenstoets",
        "Boek een tijdslot en leg uw vraag over de vermogensgrens voor.",
        ("M03",),
        9,
        time(10, 0),
        120,
        online=True,
        slot_minutes=20,
    ),
    DemoMeeting(
        "10",
        K.REGIONAL,
        "Regiobijeenkomst Groningen",
        "Gemeenten in de regio Groningen over de eerste ervaringen.",
        ("M01", "M04"),
        12,
        time(13, 30),
        120,
        venue="Stadhuis",
        address="Grote Markt 1, Groningen",
        place="GM0014",
        capacity=50,
        cancel_reason="De zaal is niet beschikbaar; we plannen een nieuwe datum.",
    ),
    DemoMeeting(
        "11",
        K.TRAINING,
        "Training vermogenstoets voor klantmanagers",
        "Twee dagdelen met casussen over de doorlopende vermogensgrens.",
        ("M03",),
        19,
        time(9, 0),
        210,
        hosts=(("stimulansz", HostRole.ORGANISER), ("vng", CO)),
        venue="Stadskantoor, zaal 2",
        address="Stadsplateau 1, Utrecht",
        place="GM0344",
        capacity=30,
    ),
    DemoMeeting(
        "12",
        K.WEBINAR,
        "Webinar: wat verandert er per 1 januari 2027",
        "De maatregelen van fase 3 op een rij, met de producten die klaarstaan.",
        ("M01", "M02", "M03", "M04"),
        26,
        time(14, 0),
        75,
        hosts=(("szw", HostRole.ORGANISER), ("vng", CO)),
        audience=Audience.EVERYONE,
        online=True,
        status=MeetingStatus.PLANNED,
    ),
)

FULL_MEETING = "demo-bijeenkomst-08@spoorboek"
"""The UID of the demo meeting that is full: the registrations' demo fills its places."""


def uid_of(spec: DemoMeeting) -> str:
    return f"demo-bijeenkomst-{spec.key}@spoorboek"


def _moment(today: date, spec: DemoMeeting) -> datetime:
    day = today + timedelta(days=spec.day)
    return datetime.combine(day, spec.start, clock.AMSTERDAM).astimezone(UTC)


def load_demo_meetings(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    today = clock.today()
    made = set(session.scalars(select(Meeting.uid).where(Meeting.uid.like("demo-bijeenkomst-%"))))
    organiser = session.scalar(select(User).where(User.email == ORGANISER))
    measures = {m.code: m for m in session.scalars(select(Measure))}
    organisations = set(session.scalars(select(Organisation.code)))
    created = existing = 0
    for spec in DEMO_MEETINGS:
        if uid_of(spec) in made:
            existing += 1
            on_row()
            continue
        _add(session, spec, today, organiser, measures, organisations)
        created += 1
        on_row()
    session.flush()
    return created, existing


def _add(
    session: Session,
    spec: DemoMeeting,
    today: date,
    organiser: User | None,
    measures: dict[str, Measure],
    organisations: set[str],
) -> None:
    starts = _moment(today, spec)
    planned = starts - timedelta(days=30)
    place = session.get(Municipality, spec.place) if spec.place else None
    actor = f"user:{organiser.id}" if organiser else "systeem"
    cancelled_at = (
        datetime.combine(today - timedelta(days=2), time(16, 0), clock.AMSTERDAM).astimezone(UTC)
        if spec.cancel_reason
        else None
    )
    meeting = Meeting(
        kind=spec.kind,
        title=spec.title,
        description=spec.description,
        audience=spec.audience,
        is_online=spec.online,
        join_url=f"{JOIN}{spec.key}" if spec.online else None,
        venue=spec.venue,
        address=spec.address,
        province_code=place.province_code if place else None,
        labour_market_region_code=place.labour_market_region_code if place else None,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=spec.minutes),
        capacity=spec.capacity,
        status=MeetingStatus.CANCELLED if spec.cancel_reason else spec.status,
        cancel_reason=spec.cancel_reason,
        cancelled_at=cancelled_at,
        slot_minutes=spec.slot_minutes,
        uid=uid_of(spec),
        sequence=1 if spec.cancel_reason else 0,
        organiser_id=organiser.id if organiser else None,
        created_by=organiser.id if organiser else None,
        created_at=planned,
        updated_at=cancelled_at or planned,
        version=2 if spec.cancel_reason else 1,
        is_demo=True,
    )
    chosen = [measures[c] for c in spec.measures if c in measures]
    meeting.measures = chosen
    session.add(meeting)
    session.flush()
    for theme in sorted({m.theme_code for m in chosen}):
        session.execute(meeting_themes.insert().values(meeting_id=meeting.id, theme_code=theme))
    for code, role in spec.hosts:
        if code in organisations:
            session.add(MeetingHost(meeting_id=meeting.id, organisation_code=code, role=role))
    session.add(
        MeetingEvent(
            meeting_id=meeting.id,
            kind="aangemaakt",
            actor=actor,
            occurred_at=planned,
            details={"soort": spec.kind.value, "begin": starts.isoformat()},
        )
    )
    if cancelled_at is not None:
        session.add(
            MeetingEvent(
                meeting_id=meeting.id,
                kind="geannuleerd",
                actor=actor,
                occurred_at=cancelled_at,
                details={"reden": spec.cancel_reason},
            )
        )
