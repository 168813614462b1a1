"""A demo agenda: a programme year of meetings of every kind, from about ten months before the
day the demo is loaded to two months after, on site in most provinces and online, one full and
one cancelled, about every one of the seeded measures and hosted by the seeded organisations.
Who registered, came and rated them is api/seed/demo_meeting_activity.py.

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
DEMO_MEETINGS: tuple[DemoMeeting, ...] = (
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

ONLINE = None
VENUES = {
    "GM0080": ("Stadhuis, raadzaal", "Hofplein 38, Leeuwarden"),
    "GM0106": ("Provinciehuis, zaal Drenthe", "Westbrink 1, Assen"),
    "GM0153": ("Stadskantoor, zaal Twente", "Hengelosestraat 51, Enschede"),
    "GM0193": ("Stadskantoor, zaal IJssel", "Lübeckplein 2, Zwolle"),
    "GM0200": ("Congrescentrum", "Stationsplein 1, Apeldoorn"),
    "GM0202": ("Stadhuis, zaal Rijn", "Koningstraat 38, Arnhem"),
    "GM0344": ("Stadskantoor, zaal 2", "Stadsplateau 1, Utrecht"),
    "GM0363": ("Stadhuis, zaal Amstel", "Amstel 1, Amsterdam"),
    "GM0518": ("Stadhuis, atrium", "Spui 70, Den Haag"),
    "GM0599": ("Stadswinkel, zaal Maas", "Coolsingel 40, Rotterdam"),
    "GM0687": ("Stadhuis, zaal Walcheren", "Markt 1, Middelburg"),
    "GM0772": ("Stadhuis, zaal Kempen", "Stadhuisplein 1, Eindhoven"),
    "GM0796": ("Provinciehuis, zaal Brabant", "Brabantlaan 1, 's-Hertogenbosch"),
    "GM0855": ("Congrescentrum", "Spoorlaan 100, Tilburg"),
    "GM0935": ("Gouvernement, statenzaal", "Limburglaan 10, Maastricht"),
    "GM0995": ("Stadhuis, zaal Flevo", "Stadhuisplein 2, Lelystad"),
}
"""Where the meetings on site of the programme year are: a municipality and an (invented)
room; the municipality gives the province and the labour-market region."""


def _year(
    key: str,
    kind: MeetingKind,
    title: str,
    measures: tuple[str, ...],
    day: int,
    start: time,
    minutes: int,
    where: str | None,
    **more: object,
) -> DemoMeeting:
    """One meeting of the programme year: online, or on site at one of VENUES."""
    place = {} if where is None else dict(zip(("venue", "address"), VENUES[where], strict=True))
    description = {
        K.WORK_SESSION: "Samen aan de slag met de werkinstructies en de eerste casussen.",
        K.CONSULTATION_HOUR: "Boek een tijdslot en leg uw vraag of casus voor.",
        K.WEBINAR: "Een uur over de maatregel, met vragen uit de chat.",
        K.TRAINING: "Casussen en oefeningen voor wie de maatregel uitvoert.",
        K.REGIONAL: "Gemeenten en ketenpartners in de regio over de uitvoering.",
        K.ELSEWHERE: "Het programmateam presenteert de stand van de implementatie.",
    }[kind]
    return DemoMeeting(
        key,
        kind,
        title,
        description,
        measures,
        day,
        start,
        minutes,
        online=where is None,
        place=where,
        slot_minutes=20 if kind is K.CONSULTATION_HOUR else None,
        **place,  # type: ignore[arg-type]
        **more,  # type: ignore[arg-type]
    )


ORG = HostRole.ORGANISER
PLANNED = MeetingStatus.PLANNED
EVERYONE = Audience.EVERYONE
YEAR = (
    _year(
        "13",
        K.WEBINAR,
        "Webinar: de maatregelen van fase 1 op een rij",
        ("M01", "M02", "M03", "M04"),
        -300,
        time(14),
        90,
        ONLINE,
        capacity=300,
        hosts=(("vng", ORG), ("szw", CO)),
        audience=EVERYONE,
    ),
    _year(
        "14",
        K.TRAINING,
        "Training giftenvrijlating voor klantmanagers",
        ("M01",),
        -292,
        time(9, 30),
        180,
        "GM0363",
        capacity=30,
        hosts=(("stimulansz", ORG), ("vng", CO)),
    ),
    _year(
        "15",
        K.REGIONAL,
        "Regiobijeenkomst Friesland: starten met fase 1",
        ("M05", "M08", "M09"),
        -285,
        time(13, 30),
        150,
        "GM0080",
        capacity=50,
        hosts=(("vng", ORG), ("uwv", CO)),
        audience=EVERYONE,
    ),
    _year(
        "16",
        K.WORK_SESSION,
        "Werksessie bijstand met terugwerkende kracht",
        ("M05",),
        -276,
        time(10),
        150,
        "GM0344",
        capacity=20,
    ),
    _year(
        "17",
        K.CONSULTATION_HOUR,
        "Spreekuur identificatie met DigiD of rijbewijs",
        ("M08",),
        -268,
        time(13),
        120,
        ONLINE,
    ),
    _year(
        "18",
        K.WEBINAR,
        "Webinar gezamenlijke huishouding en mantelzorg",
        ("M06", "M07"),
        -259,
        time(15),
        60,
        ONLINE,
        capacity=250,
        hosts=(("vng", ORG), ("divosa", CO)),
        audience=EVERYONE,
    ),
    _year(
        "19",
        K.ELSEWHERE,
        "Presentatie op het jaarcongres van de VNG",
        ("M01", "M06"),
        -250,
        time(11),
        45,
        "GM0855",
        audience=EVERYONE,
        status=PLANNED,
    ),
    _year(
        "20",
        K.TRAINING,
        "Training voortgang doorgeven voor nieuwe contactpersonen",
        ("M09", "M10"),
        -241,
        time(13),
        120,
        ONLINE,
        capacity=40,
    ),
    _year(
        "21",
        K.REGIONAL,
        "Regiobijeenkomst Twente",
        ("M09", "M10", "M11"),
        -232,
        time(10),
        150,
        "GM0153",
        capacity=45,
        hosts=(("vng", ORG), ("uwv", CO)),
        audience=EVERYONE,
    ),
    _year(
        "22",
        K.WORK_SESSION,
        "Werksessie hogere bevoorschotting",
        ("M11",),
        -224,
        time(9, 30),
        180,
        "GM0202",
        capacity=18,
    ),
    _year(
        "23",
        K.WEBINAR,
        "Webinar verruimd experimenteerartikel",
        ("M12",),
        -215,
        time(14),
        60,
        ONLINE,
        capacity=200,
        hosts=(("szw", ORG), ("vng", CO)),
        audience=EVERYONE,
    ),
    _year(
        "24",
        K.CONSULTATION_HOUR,
        "Spreekuur mantelzorg en gezamenlijke huishouding",
        ("M06", "M07"),
        -206,
        time(10),
        120,
        ONLINE,
    ),
    _year(
        "25",
        K.REGIONAL,
        "Regiobijeenkomst Zeeland met ketenpartners",
        ("M13", "M14"),
        -197,
        time(13, 30),
        150,
        "GM0687",
        capacity=40,
        hosts=(("vng", ORG), ("svb", CO)),
        audience=EVERYONE,
    ),
    _year(
        "26",
        K.TRAINING,
        "Training maatschappelijke participatie",
        ("M14",),
        -188,
        time(9, 30),
        210,
        "GM0193",
        capacity=30,
        hosts=(("stimulansz", ORG), ("vng", CO)),
    ),
    _year(
        "27",
        K.WEBINAR,
        "Webinar bijverdienen voor jongeren tot 27 jaar",
        ("M13",),
        -176,
        time(15),
        60,
        ONLINE,
        capacity=250,
        hosts=(("vng", ORG), ("divosa", CO)),
        audience=EVERYONE,
    ),
    _year(
        "28",
        K.WORK_SESSION,
        "Werksessie uniforme inkomstenvrijlating",
        ("M15",),
        -165,
        time(10),
        180,
        "GM0599",
        capacity=24,
        hosts=(("vng", ORG), ("inlichtingenbureau", CO)),
    ),
    _year(
        "29",
        K.ELSEWHERE,
        "Presentatie op de kennisdag van Stimulansz",
        ("M15", "M16"),
        -154,
        time(11),
        45,
        "GM0200",
        hosts=(("stimulansz", ORG), ("vng", CO)),
        audience=EVERYONE,
        status=PLANNED,
    ),
    _year(
        "30",
        K.REGIONAL,
        "Regiobijeenkomst Limburg",
        ("M15", "M16", "M19"),
        -143,
        time(13, 30),
        150,
        "GM0935",
        capacity=50,
        hosts=(("vng", ORG), ("uwv", CO)),
        audience=EVERYONE,
    ),
    _year(
        "31",
        K.CONSULTATION_HOUR,
        "Spreekuur automatisch verrekenen",
        ("M15", "M21"),
        -131,
        time(13),
        120,
        ONLINE,
    ),
    _year(
        "32",
        K.WEBINAR,
        "Webinar bufferbudget",
        ("M16",),
        -120,
        time(14),
        75,
        ONLINE,
        capacity=300,
        hosts=(("szw", ORG), ("vng", CO)),
        audience=EVERYONE,
    ),
    _year(
        "33",
        K.TRAINING,
        "Training normen bij een niet-rechthebbende partner",
        ("M17", "M18"),
        -109,
        time(9, 30),
        180,
        "GM0995",
        capacity=30,
        hosts=(("stimulansz", ORG), ("vng", CO)),
    ),
    _year(
        "34",
        K.WORK_SESSION,
        "Ketenoverleg individuele inkomenstoeslag ambtshalve",
        ("M19",),
        -98,
        time(10),
        150,
        "GM0106",
        capacity=20,
        hosts=(("vng", ORG), ("bkwi", CO)),
        audience=Audience.CHAIN_PARTNERS,
    ),
    _year(
        "35",
        K.REGIONAL,
        "Regiobijeenkomst Brabant over ontheffingen",
        ("M20", "M22"),
        -87,
        time(13, 30),
        150,
        "GM0796",
        capacity=45,
        hosts=(("vng", ORG), ("uwv", CO)),
        audience=EVERYONE,
    ),
    _year(
        "36",
        K.WEBINAR,
        "Webinar inkomen toerekenen aan de juiste periode",
        ("M21",),
        -76,
        time(15),
        60,
        ONLINE,
        capacity=250,
        hosts=(("vng", ORG), ("divosa", CO)),
        audience=EVERYONE,
    ),
    _year(
        "37",
        K.WORK_SESSION,
        "Werksessie taaleis en taalaanbod",
        ("M23",),
        -69,
        time(9, 30),
        180,
        "GM0518",
        capacity=24,
        hosts=(("vng", ORG), ("divosa", CO)),
    ),
    _year(
        "38",
        K.TRAINING,
        "Training herziening verplichtingen en maatregelen",
        ("M22",),
        -49,
        time(13),
        150,
        ONLINE,
        capacity=40,
        hosts=(("stimulansz", ORG), ("vng", CO)),
    ),
    _year("39", K.CONSULTATION_HOUR, "Spreekuur taaleis", ("M23",), -35, time(10), 120, ONLINE),
    _year(
        "40",
        K.REGIONAL,
        "Regiobijeenkomst Noord-Holland",
        ("M05", "M11", "M20"),
        -21,
        time(10),
        150,
        "GM0363",
        capacity=60,
        hosts=(("vng", ORG), ("uwv", CO)),
        audience=EVERYONE,
    ),
    _year(
        "41",
        K.CONSULTATION_HOUR,
        "Spreekuur inkomstenvrijlating",
        ("M15",),
        15,
        time(13),
        120,
        ONLINE,
    ),
    _year(
        "42",
        K.REGIONAL,
        "Regiobijeenkomst Drenthe",
        ("M13", "M14", "M20"),
        33,
        time(13, 30),
        150,
        "GM0106",
        capacity=40,
        hosts=(("vng", ORG), ("uwv", CO)),
        audience=EVERYONE,
    ),
    _year(
        "43",
        K.WEBINAR,
        "Webinar taaleis: een half jaar later",
        ("M23",),
        40,
        time(14),
        60,
        ONLINE,
        capacity=250,
        hosts=(("vng", ORG), ("divosa", CO)),
        audience=EVERYONE,
    ),
    _year(
        "44",
        K.WORK_SESSION,
        "Werksessie bufferbudget in de begroting",
        ("M16",),
        47,
        time(10),
        180,
        "GM0772",
        capacity=20,
        hosts=(("vng", ORG), ("divosa", CO)),
        status=PLANNED,
    ),
    _year(
        "45",
        K.TRAINING,
        "Training automatisch verrekenen voor klantmanagers",
        ("M15", "M21"),
        54,
        time(9, 30),
        210,
        "GM0344",
        capacity=30,
        hosts=(("stimulansz", ORG), ("vng", CO)),
        status=PLANNED,
    ),
    _year(
        "46",
        K.ELSEWHERE,
        "Presentatie op het congres van de ketenpartners",
        ("M06", "M17", "M18"),
        60,
        time(11),
        45,
        "GM0080",
        hosts=(("uwv", ORG), ("vng", CO)),
        audience=EVERYONE,
        status=PLANNED,
    ),
)
DEMO_MEETINGS = DEMO_MEETINGS + YEAR

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
