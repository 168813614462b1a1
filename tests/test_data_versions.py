"""The counters every cached representation and the figures are keyed by: every kind of write
raises its kind's counter once per transaction, a read or a rollback raises nothing, and a
progress row carries the counter of the write that made it."""

from collections.abc import Callable

import httpx
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, selectinload

from api.core import data_versions
from api.core.data_versions import FAQ, PRODUCT_CHANGES, PROGRESS, REFERENCE
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.products import feed
from api.products.models import Product
from api.progress.models import ProgressStatus
from api.questions.models import FaqEntry, faq_measures
from tests.auth import UTRECHT, login
from tests.progress.helpers import move_utrechts_m20


def test_an_orm_change_of_reference_data_raises_its_counter_once(db: Session) -> None:
    before = data_versions.current(db)
    measure = db.get(Measure, "M05")
    assert measure is not None
    measure.title = "Een andere titel"
    db.flush()
    db.get(Municipality, "GM0344").name = "Utrecht (gewijzigd)"  # type: ignore[union-attr]
    db.flush()
    after = data_versions.current(db)
    assert after[REFERENCE] == before[REFERENCE] + 1, "once per transaction, not per flush"
    assert after[PROGRESS] == before[PROGRESS]


def test_a_statement_raises_the_counter_of_its_table(db: Session) -> None:
    before = data_versions.current(db)
    db.execute(update(Measure).where(Measure.code == "M05").values(title="Anders"))
    assert data_versions.current(db)[REFERENCE] == before[REFERENCE] + 1


def test_reading_or_an_unchanged_object_raises_nothing(db: Session) -> None:
    before = data_versions.current(db)
    measure = db.get(Measure, "M05")
    assert measure is not None
    measure.title = measure.title  # set to what it was: not a change
    db.execute(select(ProgressStatus).limit(5)).all()
    db.flush()
    assert data_versions.current(db) == before


async def test_a_progress_write_stamps_its_row_with_the_counter(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    before = data_versions.current(db)
    contact = clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)
    db.expire_all()
    after = data_versions.current(db)
    assert after[PROGRESS] == before[PROGRESS] + 1
    assert after[REFERENCE] == before[REFERENCE]
    stored = db.get(ProgressStatus, ("GM0344", "M20"))
    assert stored is not None
    assert stored.data_version == after[PROGRESS]
    changed_since = db.scalars(
        select(ProgressStatus.measure_code).where(ProgressStatus.data_version > before[PROGRESS])
    ).all()
    assert changed_since == ["M20"], "exactly the written cell reads back as changed"


def test_a_rolled_back_write_leaves_the_counter(engine: Engine) -> None:
    with Session(engine) as session:
        before = data_versions.current(session)
        session.execute(update(Measure).where(Measure.code == "M05").values(title="Weg"))
        session.rollback()
        assert data_versions.current(session) == before
        # The next transaction raises again: the rollback forgot the raise it undid.
        session.execute(update(Measure).where(Measure.code == "M05").values(title="Weg"))
        assert data_versions.current(session)[REFERENCE] == before[REFERENCE] + 1
        session.rollback()


def test_the_key_names_each_kind_and_its_number(db: Session) -> None:
    versions = data_versions.current(db)
    kinds = set(versions) - {PRODUCT_CHANGES}
    assert kinds == set(data_versions.KINDS), "the migrations make every counter"
    assert data_versions.key(db, REFERENCE) == f"{REFERENCE}{versions[REFERENCE]}"


def test_every_write_to_the_faq_raises_its_counter_and_no_other(db: Session) -> None:
    entry = db.scalars(select(FaqEntry).limit(1)).one()
    before = data_versions.current(db)
    db.execute(update(FaqEntry).where(FaqEntry.id == entry.id).values(withdrawal_note="Weg"))
    raised = data_versions.current(db)
    assert raised[FAQ] == before[FAQ] + 1
    assert {k: v for k, v in raised.items() if k != FAQ} == {
        k: v for k, v in before.items() if k != FAQ
    }
    db.commit()  # a transaction raises a counter once; the next raises it again
    db.execute(delete(faq_measures).where(faq_measures.c.faq_id == entry.id))
    assert data_versions.current(db)[FAQ] == raised[FAQ] + 1, "a link table is the FAQ's too"


def test_every_change_the_products_feed_records_raises_the_counter_read_with_the_kinds(
    db: Session,
) -> None:
    assert PRODUCT_CHANGES == feed.SEQUENCE, "the keys read the feed's own counter"
    product = db.scalars(select(Product).options(selectinload(Product.versions)).limit(1)).one()
    before = data_versions.current(db)
    change = feed.record_change(db, product, "gewijzigd", "test")
    after = data_versions.current(db)
    assert after[PRODUCT_CHANGES] == change.seq == before.get(PRODUCT_CHANGES, 0) + 1
    assert data_versions.key(db, PRODUCT_CHANGES) == f"{PRODUCT_CHANGES}{change.seq}"
