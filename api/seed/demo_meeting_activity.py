"""What happened around the demo agenda (api/seed/demo_meetings.py): who registered, who came,
the consultation hours' booked slots with their topics as questions, the materials sent
afterwards, the attendees' evaluations and a few invitations of municipalities that lag behind.

- Registrations: the demo contacts of Utrecht and the Bollenstreek for some meetings, and
  invented colleagues of municipalities (mostly of the meeting's own province when it is on
  site) and of chain partners, each with an address on the reserved example domain. The full
  meeting holds all its places and a waiting list; a meeting not yet open, or someone else's
  event, has none.
- Attendance of past meetings: most present, some absent, a few cancelled late.
- Consultation hours: their slots, most of them booked by one municipality each, the topic
  filed as a question with channel `spreekuur` linked to the slot and the meeting, as a booking
  files it (slots.book); answered for the hours that took place. One coming consultation hour
  is left without slots, to try making and booking them.
- Materials: a published presentation about one of its measures, where the demo catalogue has
  one, mailed two days afterwards.
- Evaluations: every attendee was asked (so the evaluation job asks none of them again), about
  two in three answered, mostly a 4 or 5, some a comment that names no one.

Deterministic: each meeting draws from a random generator seeded with its calendar UID, at
times counted from the meeting's own. Made once per meeting: one that has demo registrations
(or booked slots) already is left as it is, so a second `spoorboek demo` adds nothing."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.accounts.secrets import hash_token, new_token
from api.core import clock
from api.core.settings import Settings
from api.meetings.models import (
    Attendance,
    Audience,
    Invitation,
    Material,
    Meeting,
    MeetingEvent,
    MeetingKind,
    MeetingQuestion,
    MeetingRating,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    Slot,
)
from api.meetings.slots import steps
from api.municipalities.models import Municipality
from api.organisations.models import Organisation
from api.products.models import Product, ProductStatus, ProductType, ProductVersion
from api.products.models import product_measures as product_measures_table
from api.questions import anonymity, service_levels, similarity
from api.questions.models import Channel, Question, QuestionEvent, QuestionStatus
from api.seed.demo_accounts import DEMO_USERS
from api.seed.demo_meetings import ORGANISER

Loader = Callable[[Session, Callable[[], None]], tuple[int, int]]

UNSLICED = "demo-bijeenkomst-09@spoorboek"
"""A coming consultation hour left without slots: making them and booking one starts here."""
WAITING = 5
"""The waiting list of the full meeting."""
RATING_DAYS = 14
FIRST_NAMES = [
    "Anouk", "Bram", "Carlijn", "Dewi", "Emre", "Fleur", "Gerrit", "Hatice", "Ivo", "Jolien",
    "Koen", "Lotte", "Maarten", "Nadia", "Olaf", "Priya", "Ruben", "Sanne", "Thijs", "Wendy",
]  # fmt: skip
LAST_NAMES = [
    "van Aalst", "Brouwer", "Claassen", "van Dam", "Evers", "Frerichs", "Groen", "Huisman",
    "IJzerman", "de Jong", "Kramer", "Lammers", "Meijer", "Nijland", "Oosterhuis", "Peeters",
]  # fmt: skip
PARTNERS = ["uwv", "svb", "divosa", "stimulansz", "inlichtingenbureau", "bkwi"]
TOPICS = [
    (
        "een casus uit de praktijk",
        "Wij leggen een casus voor waarin '{m}' anders uitpakt dan verwacht. Hoe passen "
        "andere gemeenten dit toe?",
    ),
    (
        "de werkinstructie",
        "Onze werkinstructie voor '{m}' is klaar in concept. Graag bespreken we of we iets "
        "over het hoofd zien.",
    ),
    (
        "de planning van de invoering",
        "Wij lopen achter met '{m}'. Welke stappen moeten als eerste, en wat kan later?",
    ),
]
ANSWER = (
    "Besproken tijdens het spreekuur. De adviseur stuurde de handreiking bij deze maatregel en "
    "een voorbeeld van een andere gemeente na."
)
GOOD = [
    "Veel praktische voorbeelden, direct toepasbaar.",
    "Goed voorbereid en helder uitgelegd.",
    "Fijn om ervaringen van andere gemeenten te horen.",
]
LOW = [
    "Te algemeen voor onze situatie.",
    "Te weinig tijd voor vragen.",
    "De techniek haperde; de helft ging verloren.",
]


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    municipality: str | None
    organisation: str | None
    user_id: int | None = None


@dataclass
class Context:
    settings: Settings
    now: datetime
    organiser: User | None
    contacts: dict[str, User]
    """The demo contacts' accounts by address."""
    municipalities: list[Municipality]
    partners: list[Organisation]
    presentations: dict[str, list[int]]
    """Published demo presentations by measure."""


def _slug(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _colleague(place: Municipality, rng: random.Random) -> Person:
    """One of three invented colleagues of a municipality: the same names meeting after
    meeting."""
    number = int(place.code[2:])
    k = rng.randrange(3)
    first = FIRST_NAMES[(number + 7 * k) % len(FIRST_NAMES)]
    last = LAST_NAMES[(number * 3 + k) % len(LAST_NAMES)]
    email = f"{_slug(first)}.{_slug(last)}@{place.code.lower()}.demo.spoorboek.example"
    return Person(f"{first} {last}", email, place.code, None)


def _partner(organisation: Organisation, rng: random.Random) -> Person:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = f"{_slug(first)}.{_slug(last)}@{organisation.code}.demo.spoorboek.example"
    return Person(f"{first} {last}", email, None, organisation.code)


def _contact(user: User, municipality: str) -> Person:
    return Person(user.name, user.email, municipality, None, user.id)


def _someone(meeting: Meeting, ctx: Context, rng: random.Random) -> Person:
    partners_only = meeting.audience is Audience.CHAIN_PARTNERS
    if partners_only or (meeting.audience is Audience.EVERYONE and rng.random() < 0.2):
        return _partner(rng.choice(ctx.partners), rng)
    nearby = [m for m in ctx.municipalities if m.province_code == meeting.province_code]
    pool = nearby if nearby and rng.random() < 0.65 else ctx.municipalities
    return _colleague(rng.choice(pool), rng)


def _people(meeting: Meeting, ctx: Context, rng: random.Random, wanted: int) -> list[Person]:
    """`wanted` different people; the demo contacts among them at some past meetings (and at
    two coming webinars), so their own lists show a year."""
    found: dict[str, Person] = {}
    past = meeting.ends_at <= ctx.now
    if meeting.audience is not Audience.CHAIN_PARTNERS and (
        (past and rng.random() < 0.5) or meeting.uid in OWN_COMING
    ):
        for user in ctx.contacts.values():
            municipality = sorted(m.code for m in user.municipalities)[0]
            found[user.email] = _contact(user, municipality)
    attempts = 0
    while len(found) < wanted and attempts < wanted * 5:
        attempts += 1
        person = _someone(meeting, ctx, rng)
        found.setdefault(person.email, person)
    return list(found.values())


OWN_COMING = {"demo-bijeenkomst-07@spoorboek", "demo-bijeenkomst-43@spoorboek"}
"""Coming meetings the demo contacts registered for."""


def _size(meeting: Meeting, rng: random.Random, past: bool) -> int:
    capacity = meeting.capacity or 60
    share = rng.uniform(0.5, 0.9) if past else rng.uniform(0.2, 0.55)
    return max(3, min(round(capacity * share), 70, capacity - (0 if past else 1)))


def _registration(meeting: Meeting, person: Person, ctx: Context, at: datetime) -> Registration:
    return Registration(
        meeting_id=meeting.id,
        user_id=person.user_id,
        municipality_code=person.municipality,
        organisation_code=person.organisation,
        name=person.name,
        email=person.email.lower(),
        registered_by=person.user_id,
        status=RegistrationStatus.REGISTERED,
        queued_at=at,
        registered_at=at,
        sent_sequence=meeting.sequence,
        is_demo=True,
    )


def _past_outcome(place: Registration, meeting: Meeting, ctx: Context, rng: random.Random) -> None:
    """Most came; some cancelled in time, a few too late, some stayed away."""
    roll = rng.random()
    organiser = ctx.organiser.id if ctx.organiser else None
    if roll < 0.06:
        place.status = RegistrationStatus.CANCELLED
        place.cancelled_at = place.registered_at + (meeting.starts_at - place.registered_at) / 2
        return
    if roll < 0.1:
        place.status = RegistrationStatus.CANCELLED
        place.cancelled_at = meeting.starts_at - timedelta(hours=rng.uniform(1, 20))
        place.attendance = Attendance.CANCELLED_LATE
        return
    place.reminded_at = meeting.starts_at - timedelta(hours=20)
    place.attendance = Attendance.PRESENT if rng.random() < 0.86 else Attendance.ABSENT
    place.attendance_recorded_by = organiser


def _register(
    session: Session, meeting: Meeting, ctx: Context, rng: random.Random
) -> list[Registration]:
    past = meeting.ends_at <= ctx.now
    full = meeting.status is MeetingStatus.FULL and meeting.capacity is not None
    wanted = (meeting.capacity or 0) + WAITING if full else _size(meeting, rng, past)
    people = _people(meeting, ctx, rng, wanted)
    opened = meeting.starts_at - timedelta(days=30)
    latest = min(ctx.now, meeting.starts_at) - timedelta(hours=2)
    moments = sorted(opened + (latest - opened) * rng.random() for _ in people)
    made = []
    for n, (person, at) in enumerate(zip(people, moments, strict=True)):
        place = _registration(meeting, person, ctx, at)
        if full and n >= (meeting.capacity or 0):
            place.status = RegistrationStatus.WAITING
            place.sent_sequence = None
        elif past:
            _past_outcome(place, meeting, ctx, rng)
        elif rng.random() < 0.08 and not full:
            place.status = RegistrationStatus.CANCELLED
            place.cancelled_at = at + (ctx.now - at) / 2
        made.append(place)
    session.add_all(made)
    return made


def _book_slots(
    session: Session, meeting: Meeting, ctx: Context, rng: random.Random
) -> list[Registration]:
    """The slots of a consultation hour, most booked by one municipality each, every topic a
    question (channel spreekuur) of the booker, linked to her slot and to the meeting."""
    past = meeting.ends_at <= ctx.now
    made = steps(meeting.starts_at, meeting.ends_at, meeting.slot_minutes or 20)
    slots = [Slot(meeting_id=meeting.id, starts_at=s, ends_at=e) for s, e in made]
    session.add_all(slots)
    booked = [s for s in slots if rng.random() < (0.85 if past else 0.5)]
    people = _people(meeting, ctx, rng, len(booked))
    seen: set[str] = set()
    places = []
    for slot, person in zip(booked, people, strict=False):
        if person.municipality is None or person.municipality in seen:
            continue  # one slot per municipality per consultation hour
        seen.add(person.municipality)
        at = min(ctx.now, meeting.starts_at) - timedelta(days=rng.uniform(1, 12))
        place = _registration(meeting, person, ctx, at)
        if past:
            place.attendance = Attendance.PRESENT if rng.random() < 0.92 else Attendance.ABSENT
            place.attendance_recorded_by = ctx.organiser.id if ctx.organiser else None
        session.add(place)
        session.flush()
        question = _question(session, meeting, ctx, person, at, rng)
        slot.municipality_code = person.municipality
        slot.booked_by = person.user_id
        slot.booked_at = at
        slot.question_id = question.id
        slot.registration_id = place.id
        session.add(
            MeetingQuestion(
                meeting_id=meeting.id,
                question_id=question.id,
                added_by=person.user_id,
                added_at=at,
            )
        )
        places.append(place)
    made_at = meeting.starts_at - timedelta(days=20)
    details: dict[str, object] = {"aantal": len(slots), "minuten": meeting.slot_minutes}
    session.add(_event(meeting, "tijdsloten-gemaakt", ctx, made_at, details))
    return places


def _question(
    session: Session,
    meeting: Meeting,
    ctx: Context,
    person: Person,
    at: datetime,
    rng: random.Random,
) -> Question:
    measure = rng.choice(meeting.measures)
    aspect, text = rng.choice(TOPICS)
    place = session.get_one(Municipality, person.municipality)
    past = meeting.ends_at <= ctx.now
    question = Question(
        channel=Channel.CONSULTATION_HOUR,
        subject=f"{measure.title}: {aspect}"[:200],
        text=text.format(m=measure.title),
        theme_code=measure.theme_code,
        asker_user_id=person.user_id,
        asker_name=person.name,
        asker_email=person.email,
        asker_organisation=f"Gemeente {place.name}",
        municipality_code=place.code,
        filed_by=person.user_id,
        received_at=at,
        due_date=service_levels.answer_due(ctx.settings, at),
        status=QuestionStatus.ANSWERED if past else QuestionStatus.ASSIGNED,
        assignee_id=ctx.organiser.id if ctx.organiser else None,
        measures=[measure],
        is_demo=True,
    )
    if past:
        question.answer = ANSWER
        question.answered_at = meeting.ends_at + timedelta(hours=rng.uniform(2, 48))
        question.answered_by = question.assignee_id
    session.add(question)
    session.flush()
    actor = f"user:{person.user_id}" if person.user_id else "systeem"
    session.add(
        QuestionEvent(
            question_id=question.id,
            kind="ingediend",
            actor=actor,
            occurred_at=at,
            details={"bijeenkomst": meeting.id},
        )
    )
    similarity.index(session, "vraag", question.id, question.subject, question.text)
    return question


def _rate(
    session: Session, meeting: Meeting, places: list[Registration], ctx: Context, rng: random.Random
) -> int:
    """Every attendee asked the day after; about two in three answered within a few days."""
    asked = meeting.ends_at + timedelta(days=1)
    made = 0
    for place in places:
        if place.attendance is not Attendance.PRESENT:
            continue
        rating = MeetingRating(
            registration_id=place.id,
            meeting_id=meeting.id,
            token_hash=hash_token(new_token()),
            changeable_until=asked + timedelta(days=RATING_DAYS),
            comment_cleared=False,
            created_at=asked,
            is_demo=True,
        )
        rated = asked + timedelta(hours=rng.uniform(1, 24 * 5))
        if rng.random() < 0.65 and rated < ctx.now:
            rating.score = rng.choices([5, 4, 3, 2, 1], [42, 38, 12, 5, 3])[0]
            rating.rated_at = rating.changed_at = rated
            if rng.random() < 0.2:
                comment = rng.choice(GOOD if rating.score >= 4 else LOW)
                rating.comment = comment
                rating.comment_cleared = not anonymity.findings(comment, [], [])
        session.add(rating)
        made += 1
    return made


def _materials(session: Session, meeting: Meeting, ctx: Context, rng: random.Random) -> None:
    """A published presentation about one of the meeting's measures, mailed two days later."""
    found = sorted({p for m in meeting.measures for p in ctx.presentations.get(m.code, [])})
    if not found:
        return
    product = rng.choice(found)
    added = meeting.ends_at + timedelta(days=1)
    sent = meeting.ends_at + timedelta(days=2)
    organiser = ctx.organiser.id if ctx.organiser else None
    session.add(
        Material(
            meeting_id=meeting.id,
            product_id=product,
            added_by=organiser,
            added_at=added,
            sent_at=sent if sent < ctx.now else None,
        )
    )
    if sent < ctx.now:
        session.add(_event(meeting, "materiaal-verstuurd", ctx, sent, {"producten": [product]}))


def _invite(session: Session, meeting: Meeting, ctx: Context) -> None:
    """The demo contacts invited for their municipality lagging on the meeting's measure."""
    for n, user in enumerate(ctx.contacts.values()):
        municipality = sorted(m.code for m in user.municipalities)[0]
        session.add(
            Invitation(
                meeting_id=meeting.id,
                user_id=user.id,
                municipality_code=municipality,
                reason=("te-laat", "risico")[n % 2],
                invited_by=ctx.organiser.id if ctx.organiser else None,
                invited_at=min(ctx.now, meeting.starts_at) - timedelta(days=14),
            )
        )


INVITED = {
    "demo-bijeenkomst-16@spoorboek",
    "demo-bijeenkomst-28@spoorboek",
    "demo-bijeenkomst-37@spoorboek",
    "demo-bijeenkomst-43@spoorboek",
}
"""Meetings to which the demo contacts were invited (te-laat, risico)."""


def _event(
    meeting: Meeting, kind: str, ctx: Context, at: datetime, details: dict[str, object]
) -> MeetingEvent:
    actor = f"user:{ctx.organiser.id}" if ctx.organiser else "systeem"
    return MeetingEvent(
        meeting_id=meeting.id, kind=kind, actor=actor, occurred_at=at, details=details
    )


def _fill(session: Session, meeting: Meeting, ctx: Context) -> int:
    rng = random.Random(f"2026-17:{meeting.uid}")
    past = meeting.ends_at <= ctx.now
    if meeting.kind is MeetingKind.CONSULTATION_HOUR:
        places = _book_slots(session, meeting, ctx, rng)
    else:
        places = _register(session, meeting, ctx, rng)
    session.flush()
    if meeting.uid in INVITED:
        _invite(session, meeting, ctx)
    if past and meeting.status is not MeetingStatus.CANCELLED:
        tally: dict[str, int] = {}
        for place in places:
            if place.attendance is not None:
                tally[place.attendance.value] = tally.get(place.attendance.value, 0) + 1
        session.add(
            _event(meeting, "aanwezigheid", ctx, meeting.ends_at, dict(sorted(tally.items())))
        )
        _rate(session, meeting, places, ctx, rng)
        _materials(session, meeting, ctx, rng)
    return len(places)


def _fillable(meeting: Meeting) -> bool:
    """Someone else's event and a meeting not yet open take no registrations here."""
    return (
        meeting.kind is not MeetingKind.ELSEWHERE
        and meeting.status is not MeetingStatus.PLANNED
        and meeting.uid != UNSLICED
    )


def _presentations(session: Session) -> dict[str, list[int]]:
    rows = session.execute(
        select(Product.id, product_measures_table.c.measure_code)
        .join(product_measures_table, product_measures_table.c.product_id == Product.id)
        .where(
            Product.is_demo.is_(True),
            Product.type.in_([ProductType.PRESENTATION, ProductType.RECORDING]),
            Product.status == ProductStatus.PUBLISHED,
            select(ProductVersion.id)
            .where(
                ProductVersion.product_id == Product.id, ProductVersion.published_at.is_not(None)
            )
            .exists(),
        )
        .order_by(Product.id)
    )
    found: dict[str, list[int]] = {}
    for product_id, measure in rows:
        found.setdefault(measure, []).append(product_id)
    return found


def meeting_activity(settings: Settings) -> Loader:
    """The loader, with the settings the questions' service level needs."""

    def load(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_meeting_activity(session, settings, on_row)

    return load


def load_demo_meeting_activity(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    """Registrations made and found, over the demo meetings."""
    meetings = list(
        session.scalars(
            select(Meeting)
            .where(Meeting.is_demo.is_(True), Meeting.uid.like("demo-bijeenkomst-%"))
            .options(selectinload(Meeting.measures))
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )
    ids = [m.id for m in meetings]
    done = _used(session, ids)
    contacts = [u.email for u in DEMO_USERS if u.municipalities]
    ctx = Context(
        settings=settings,
        now=clock.now(),
        organiser=session.scalar(select(User).where(User.email == ORGANISER)),
        contacts={
            u.email: u
            for u in session.scalars(
                select(User)
                .where(User.email.in_(contacts))
                .options(selectinload(User.municipalities))
                .order_by(User.email)
            )
        },
        municipalities=list(session.scalars(select(Municipality).order_by(Municipality.code))),
        partners=list(
            session.scalars(
                select(Organisation)
                .where(Organisation.code.in_(PARTNERS))
                .order_by(Organisation.code)
            )
        ),
        presentations=_presentations(session),
    )
    created = existing = 0
    for meeting in meetings:
        if meeting.id in done:
            existing += done[meeting.id]
        elif _fillable(meeting):
            created += _fill(session, meeting, ctx)
        on_row()
    session.flush()
    return created, existing


def _used(session: Session, ids: list[int]) -> dict[int, int]:
    """The meetings someone registered for or made slots of already, with their demo
    registrations: left as they are, whoever used them."""
    registered = session.execute(
        select(
            Registration.meeting_id,
            func.count(),
        )
        .where(Registration.meeting_id.in_(ids))
        .group_by(Registration.meeting_id)
    )
    found = {meeting_id: 0 for meeting_id, _ in registered}
    found.update(
        {m: 0 for m in session.scalars(select(Slot.meeting_id).where(Slot.meeting_id.in_(ids)))}
    )
    demo = session.execute(
        select(Registration.meeting_id, func.count())
        .where(Registration.meeting_id.in_(ids), Registration.is_demo.is_(True))
        .group_by(Registration.meeting_id)
    )
    found.update({meeting_id: int(n) for meeting_id, n in demo})
    return found
