"""A year of demo questions: every channel, most answered within the service level, some late,
a few waiting for an expert (each put to its organisation, so the demo experts of Stimulansz and
Divosa find them in their inbox), duplicates merged, and FAQ entries published from the answers.
Deterministic (fixed random seed), dates relative to the day the demo is loaded. The askers are
invented and their addresses use a reserved example domain."""

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core import clock
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.products.models import Product, ProductVersion
from api.questions import faq, service_levels, similarity
from api.questions.faq import FaqText
from api.questions.models import (
    Channel,
    ExpertRequest,
    FaqProduct,
    Question,
    QuestionEvent,
    QuestionStatus,
)
from api.seed.demo_accounts import DEMO_USERS

QUESTIONS = 420
FAQ_ENTRIES = 36
CHANNEL_WEIGHTS = {
    Channel.EMAIL: 35,
    Channel.PHONE: 25,
    Channel.WEB_FORM: 20,
    Channel.CONSULTATION_HOUR: 12,
    Channel.EVENT: 8,
}
# What municipalities ask about a measure: (subject, question, answer).
ASPECTS = [
    (
        "ingangsdatum en overgangsrecht",
        "Vanaf welke datum geldt '{m}' voor lopende uitkeringen, en is er overgangsrecht voor "
        "mensen die nu al bijstand ontvangen?",
        "De maatregel geldt vanaf de ingangsdatum in de wet; voor lopende uitkeringen past u "
        "haar toe bij de eerstvolgende heroverweging. Een apart overgangsrecht is er niet.",
    ),
    (
        "beleidsregels aanpassen",
        "Moeten wij voor '{m}' onze beleidsregels of verordening aanpassen, en is daar een "
        "raadsbesluit voor nodig?",
        "Controleer uw beleidsregels op strijdigheid met de nieuwe wettekst. Een "
        "verordening wijzigt u via de raad; beleidsregels stelt het college vast.",
    ),
    (
        "gevolgen voor de uitvoering",
        "Wat betekent '{m}' voor het werk van onze klantmanagers en voor de werkprocessen "
        "van het team Werk en Inkomen?",
        "Pas de werkinstructies aan, neem de wijziging op in het intakegesprek en plan een "
        "korte training. De handreiking bij deze maatregel beschrijft de stappen.",
    ),
    (
        "aanpassing van de software",
        "Levert onze softwareleverancier op tijd een aanpassing voor '{m}', of moeten wij "
        "tijdelijk handmatig werken?",
        "De grote leveranciers hebben de aanpassing ingepland. Vraag uw leverancier naar de "
        "releasedatum en leg een handmatige werkwijze vast voor de tussentijd.",
    ),
    (
        "communicatie met inwoners",
        "Hoe informeren wij inwoners met een bijstandsuitkering over '{m}'? Is er een "
        "voorbeeldbrief beschikbaar?",
        "Gebruik de voorbeeldteksten uit de communicatietoolkit en stem de brief af op "
        "taalniveau B1. Informeer in elk geval wie er direct gevolgen van merkt.",
    ),
]
FIRST_NAMES = ["Anouk", "Bas", "Chantal", "Daan", "Esra", "Femke", "Gijs", "Hanna", "Ilse"]
LAST_NAMES = ["Bakker", "de Boer", "Dijkstra", "Hendriks", "Jansen", "Kok", "Mulder", "Smit"]
EXPERT_QUESTIONS = [
    "Hoe lezen jullie de wettekst hier? Wij twijfelen over de toepassing op lopende uitkeringen.",
    "Kennen jullie gemeenten die dit al zo uitvoeren? Een voorbeeld zou de adviseur helpen.",
    "Is hier jurisprudentie over, of een standpunt van jullie organisatie?",
]


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randint(0, 8), rng.randint(0, 59)), tzinfo=UTC)


def _status(rng: random.Random, age_days: int) -> QuestionStatus:
    if age_days > 30:
        return rng.choices(
            [QuestionStatus.CLOSED, QuestionStatus.ANSWERED, QuestionStatus.WAITING_FOR_EXPERT],
            [70, 27, 3],
        )[0]
    return rng.choices(
        [
            QuestionStatus.NEW,
            QuestionStatus.TRIAGED,
            QuestionStatus.ASSIGNED,
            QuestionStatus.WAITING_FOR_EXPERT,
            QuestionStatus.ANSWERED,
        ],
        [15, 10, 30, 10, 35],
    )[0]


def _event(
    question: Question, kind: str, actor: str, at: datetime, to: str | None
) -> QuestionEvent:
    return QuestionEvent(
        question_id=question.id,
        kind=kind,
        from_status="nieuw" if to else None,
        to_status=to,
        actor=actor,
        occurred_at=at,
        details={},
    )


def load_demo_questions(
    session: Session, settings: Settings, on_row: Callable[[], None], today: date | None = None
) -> tuple[int, int]:
    if session.scalar(select(Question.id).where(Question.is_demo.is_(True)).limit(1)):
        return 0, 1
    today = today or clock.today()
    rng = random.Random(2026_06)
    measures = list(session.scalars(select(Measure).order_by(Measure.code)))
    municipalities = list(session.scalars(select(Municipality).order_by(Municipality.code)))
    emails = [u.email for u in DEMO_USERS]
    team = {u.email: u for u in session.scalars(select(User).where(User.email.in_(emails)))}
    advisors = [u for e, u in team.items() if e.startswith(("redacteur", "beheerder"))]
    contact = team.get("utrecht@demo.spoorboek.example")
    calendar = service_levels.calendar(settings)
    created: list[Question] = []
    for n in range(QUESTIONS):
        age = int(rng.triangular(0, 365, 40))
        received = _moment(today - timedelta(days=age), rng)
        measure = rng.choice(measures)
        aspect, text, answer = rng.choice(ASPECTS)
        place = rng.choice(municipalities)
        own = contact is not None and n % 25 == 0
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        status = _status(rng, age)
        question = Question(
            channel=Channel.WEB_FORM
            if own
            else rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0],
            subject=f"{measure.title}: {aspect}"[:200],
            text=text.format(m=measure.title),
            theme_code=measure.theme_code,
            asker_user_id=contact.id if own and contact else None,
            asker_name=contact.name if own and contact else name,
            asker_email=contact.email
            if own and contact
            else f"{name.split()[0].lower()}.{n}@gemeente.demo.spoorboek.example",
            asker_organisation=None if own else f"Gemeente {place.name}",
            municipality_code="GM0344" if own else place.code,
            received_at=received,
            due_date=service_levels.answer_due(settings, received),
            status=status,
            measures=[measure],
            is_demo=True,
        )
        if status is not QuestionStatus.NEW and advisors:
            question.assignee_id = rng.choice(advisors).id
        if status is QuestionStatus.WAITING_FOR_EXPERT:
            question.expert_organisation = rng.choice(["szw", "divosa", "stimulansz"])
            question.expert_due_date = calendar.add(received.date(), 8)
        if status in (QuestionStatus.ANSWERED, QuestionStatus.CLOSED):
            # Most answers come within the service level; some take longer.
            days = int(rng.triangular(1, 20, 6))
            answered = _moment(calendar.add(received.date(), days), rng)
            question.answered_at = min(answered, datetime.now(UTC))
            question.answer = answer
            question.answered_by = question.assignee_id
            if status is QuestionStatus.CLOSED:
                question.closed_at = question.answered_at + timedelta(days=7)
        session.add(question)
        created.append(question)
        on_row()
    session.flush()
    actor = f"user:{advisors[0].id}" if advisors else "system"
    for q in created:
        session.add(_event(q, "ingediend", actor, q.received_at, None))
        if q.status is not QuestionStatus.NEW:
            moment = q.answered_at or q.received_at + timedelta(hours=2)
            session.add(_event(q, "status", actor, moment, q.status.value))
    _merge_duplicates(created, rng)
    _put_to_experts(session, settings, created, today)
    for q in created:
        if q.merged_into_id is None:
            similarity.index(session, "vraag", q.id, q.subject, q.text)
    session.flush()
    _publish_faq(session, settings, created, advisors[0] if advisors else None)
    return len(created), 0


def _put_to_experts(
    session: Session, settings: Settings, created: list[Question], today: date
) -> None:
    """Every question waiting for an expert has its open request, as the workflow makes them:
    put in the last two weeks or so (some are late), each with what the advisor asks. The first
    one put to Stimulansz shares the asker's contact details, to show the difference."""
    waiting = [
        q
        for q in created
        if q.status is QuestionStatus.WAITING_FOR_EXPERT and q.expert_organisation
    ]
    shared = next((q for q in waiting if q.expert_organisation == "stimulansz"), None)
    for n, q in enumerate(waiting):
        asked = max(
            datetime.combine(today - timedelta(days=n % 12), time(10), tzinfo=UTC),
            q.received_at + timedelta(hours=2),
        )
        q.expert_due_date = service_levels.expert_due(settings, asked.date())
        session.add(
            ExpertRequest(
                question_id=q.id,
                organisation_code=q.expert_organisation,
                asked_by=q.assignee_id,
                asked_at=min(asked, datetime.now(UTC)),
                due_date=q.expert_due_date,
                note=EXPERT_QUESTIONS[n % len(EXPERT_QUESTIONS)],
                share_contact=q is shared,
            )
        )


def _merge_duplicates(created: list[Question], rng: random.Random) -> None:
    """About one in thirty questions repeats an earlier one about the same thing."""
    first_of: dict[str, Question] = {}
    for q in sorted(created, key=lambda x: x.received_at):
        earlier = first_of.setdefault(q.subject, q)
        if earlier is not q and rng.random() < 0.08 and earlier.merged_into_id is None:
            q.merged_into_id = earlier.id
            q.status = QuestionStatus.CLOSED
            q.closed_at = q.received_at + timedelta(days=1)


def _publish_faq(
    session: Session, settings: Settings, created: list[Question], editor: User | None
) -> None:
    if editor is None:
        return
    principal = Principal(kind="user", user_id=editor.id, roles=frozenset({Role.EDITOR}))
    done: set[str] = set()
    first_entry: dict[str, datetime] = {}
    answered = [q for q in created if q.answer and q.merged_into_id is None]
    for q in answered:
        if len(done) >= FAQ_ENTRIES or q.subject in done:
            continue
        done.add(q.subject)
        measure, aspect = q.subject.split(": ", 1)
        entry = faq.create(
            session,
            settings,
            principal,
            FaqText(
                question=f"{measure}: hoe zit het met {aspect}?",
                answer=q.answer or "",
                measures=[m.code for m in q.measures],
                articles=[],
                may_name_municipality=False,
            ),
            [q.id],
        )
        entry.is_demo = True
        # Published a few days after the answer it came from, not on the day the demo loads.
        moment = min((q.answered_at or q.received_at) + timedelta(days=3), datetime.now(UTC))
        entry.created_at = entry.updated_at = entry.versions[0].published_at = moment
        first_entry[q.measures[0].code] = min(first_entry.get(q.measures[0].code, moment), moment)
    _date_qa_products(session, first_entry)


def _date_qa_products(session: Session, first_entry: dict[str, datetime]) -> None:
    """Each measure's Q&A product appeared with its first FAQ entry."""
    for link in session.scalars(select(FaqProduct)):
        moment = first_entry.get(link.measure_code)
        product = session.get(Product, link.product_id)
        if moment is None or product is None:
            continue
        product.is_demo = True
        product.created_at = product.updated_at = moment
        for version in session.scalars(
            select(ProductVersion).where(ProductVersion.product_id == product.id)
        ):
            version.created_at = version.published_at = moment
