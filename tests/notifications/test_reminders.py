"""Daily reminders: owners hear of products due soon or late, municipal contacts of their own
municipality's deadlines and of new products for measures they are behind on; each once."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.accounts.repository import user_by_email
from api.core import clock
from api.measures.models import Measure
from api.notifications import reminders
from api.notifications.kinds import Kind
from api.notifications.models import Notification
from api.products.models import Product, ProductStatus
from api.products.presenters import due_date
from api.progress import notices
from api.questions.models import ExpertRequest, FaqEntry, FaqStatus, Question, QuestionStatus
from tests.auth import ADMIN, DIVOSA, EDITOR, STIMULANSZ, UTRECHT
from tests.conftest import make_settings

SETTINGS = make_settings("sqlite://", Path("/nonexistent"))
"""Only their working-day rules are read: holidays and the due-soon window."""


def _user(db: Session, email: str) -> User:
    found = user_by_email(db, email)
    assert found is not None
    return found


def _made(db: Session, kind: Kind) -> list[Notification]:
    query = select(Notification).where(Notification.kind == kind).order_by(Notification.id)
    return list(db.scalars(query))


def _unpublished_product(db: Session) -> Product:
    query = (
        select(Product)
        .where(Product.status == ProductStatus.PLANNED)
        .options(
            selectinload(Product.measures).selectinload(Measure.wave),
            selectinload(Product.versions),
        )
        .order_by(Product.id)
    )
    return next(p for p in db.scalars(query) if due_date(p) is not None)


def test_an_owner_hears_once_that_a_product_is_due_and_once_that_it_is_late(db: Session) -> None:
    editor = _user(db, EDITOR)
    product = _unpublished_product(db)
    for other in db.scalars(select(Product).where(Product.owner_id.is_not(None))):
        other.owner_id = None
    product.owner_id = editor.id
    db.flush()
    due = due_date(product)
    assert due is not None

    reminders.product_deadlines(db, SETTINGS, due - timedelta(days=7))
    reminders.product_deadlines(db, SETTINGS, due - timedelta(days=6))
    reminders.product_deadlines(db, SETTINGS, due + timedelta(days=1))
    reminders.product_deadlines(db, SETTINGS, due + timedelta(days=2))

    made = _made(db, Kind.PRODUCT_DUE)
    assert [(n.user_id, n.title.split(":")[0]) for n in made] == [
        (editor.id, "Binnenkort te leveren"),
        (editor.id, "Te laat"),
    ]
    assert {n.link for n in made} == {f"/producten/{product.id}"}


def test_a_contact_hears_only_of_her_own_municipalitys_deadlines_and_once(db: Session) -> None:
    today = clock.today()
    expected = notices.standing(db, today, reminders.MUNICIPALITY_WEEKS).notices

    reminders.municipality_deadlines(db, SETTINGS, today)
    again = reminders.municipality_deadlines(db, SETTINGS, today)

    made = [
        n
        for n in _made(db, Kind.MUNICIPALITY_DEADLINE)
        if n.link.startswith("/voortgang/")  # not the new products pointed out
    ]
    assert made, "the demo data has municipalities with deadlines"
    assert again.startswith("0 ")
    users = {
        u.id: {m.code for m in u.municipalities}
        for u in db.scalars(select(User).options(selectinload(User.municipalities)))
    }
    for notification in made:
        municipality = notification.link.split("/")[3]
        assert municipality in users[notification.user_id]
    utrecht = _user(db, UTRECHT)
    told = {n.link for n in made if n.user_id == utrecht.id}
    assert told == {
        f"/voortgang/gemeenten/{n.municipality}/{n.measure}"
        for n in expected
        if n.municipality == "GM0344"
    }


def test_a_new_product_is_pointed_out_to_municipalities_behind_on_its_measure(
    db: Session,
) -> None:
    today = clock.today()
    behind = notices.standing(db, today, reminders.MUNICIPALITY_WEEKS).behind
    query = (
        select(Product)
        .where(Product.status == ProductStatus.PUBLISHED)
        .options(selectinload(Product.measures), selectinload(Product.versions))
        .order_by(Product.id)
    )
    product = next(
        p for p in db.scalars(query) if any("GM0344" in behind.get(m.code, ()) for m in p.measures)
    )
    version = product.published_version
    assert version is not None
    version.published_at = datetime.now(UTC)
    db.flush()

    reminders.municipality_deadlines(db, SETTINGS, today)

    utrecht = _user(db, UTRECHT)
    pointed = [
        n for n in _made(db, Kind.MUNICIPALITY_DEADLINE) if n.link == f"/producten/{product.id}"
    ]
    assert utrecht.id in {n.user_id for n in pointed}
    assert all(n.title == f"Nieuw product voor uw gemeente: {product.title}" for n in pointed)


def _open_question(db: Session) -> Question:
    query = (
        select(Question)
        .where(Question.status == QuestionStatus.ASSIGNED, Question.merged_into_id.is_(None))
        .order_by(Question.id)
    )
    return db.scalars(query).first()  # type: ignore[return-value]


def _quiet_other_questions(db: Session, keep: int) -> None:
    """Only the question under test falls due: every other open one is far from its date."""
    far = clock.today() + timedelta(days=365)
    for question in db.scalars(select(Question).where(Question.id != keep)):
        question.due_date = far
    for request in db.scalars(select(ExpertRequest)):
        request.due_date = far
    db.flush()


def test_the_advisor_hears_a_question_is_due_then_late_and_the_admins_when_long_late(
    db: Session,
) -> None:
    editor, admin = _user(db, EDITOR), _user(db, ADMIN)
    question = _open_question(db)
    question.assignee_id = editor.id
    question.due_date = date(2027, 3, 10)  # a Wednesday
    _quiet_other_questions(db, question.id)

    reminders.question_deadlines(db, SETTINGS, date(2027, 3, 9))
    reminders.question_deadlines(db, SETTINGS, date(2027, 3, 9))
    reminders.question_deadlines(db, SETTINGS, date(2027, 3, 11))  # one working day late
    reminders.question_deadlines(db, SETTINGS, date(2027, 3, 12))  # two: the admins too

    made = [(n.user_id, n.title) for n in _made(db, Kind.QUESTION_DUE)]
    assert made == [
        (editor.id, f"Vraag {question.id} moet uiterlijk 10-03-2027 beantwoord zijn"),
        (editor.id, f"Vraag {question.id} is over de termijn"),
        (admin.id, f"Vraag {question.id} is over de termijn"),
    ]


def test_a_late_question_nobody_handles_goes_to_the_admins_at_once(db: Session) -> None:
    admin = _user(db, ADMIN)
    question = _open_question(db)
    question.assignee_id = None
    question.due_date = date(2027, 3, 10)
    _quiet_other_questions(db, question.id)

    reminders.question_deadlines(db, SETTINGS, date(2027, 3, 11))

    [told] = _made(db, Kind.QUESTION_DUE)
    assert told.user_id == admin.id
    assert told.text.endswith("Niemand behandelt haar.")


def test_experts_hear_of_their_own_organisations_requests_falling_due(db: Session) -> None:
    stimulansz, divosa = _user(db, STIMULANSZ), _user(db, DIVOSA)
    request = db.scalars(
        select(ExpertRequest)
        .where(ExpertRequest.organisation_code == "stimulansz", ExpertRequest.closed_at.is_(None))
        .order_by(ExpertRequest.id)
    ).first()
    assert request is not None
    _quiet_other_questions(db, -1)
    request.due_date = date(2027, 3, 10)
    db.flush()

    reminders.question_deadlines(db, SETTINGS, date(2027, 3, 9))

    told = _made(db, Kind.QUESTION_DUE)
    assert [(n.user_id, n.link) for n in told] == [(stimulansz.id, f"/expertvragen/{request.id}")]
    assert divosa.id not in {n.user_id for n in told}


def test_a_new_faq_answer_is_pointed_out_to_municipalities_behind_on_its_measure(
    db: Session,
) -> None:
    today = clock.today()
    behind = notices.standing(db, today, reminders.MUNICIPALITY_WEEKS).behind
    entries = db.scalars(
        select(FaqEntry)
        .where(FaqEntry.status == FaqStatus.PUBLISHED)
        .options(selectinload(FaqEntry.measures))
        .order_by(FaqEntry.id)
    )
    entry = next(e for e in entries if any("GM0344" in behind.get(m.code, ()) for m in e.measures))
    entry.created_at = datetime.now(UTC)
    db.flush()

    reminders.municipality_deadlines(db, SETTINGS, today)

    told = [n for n in _made(db, Kind.MUNICIPALITY_DEADLINE) if n.link == f"/faq/{entry.id}"]
    assert _user(db, UTRECHT).id in {n.user_id for n in told}
    assert _user(db, EDITOR).id not in {n.user_id for n in told}
