"""The counters every cached representation and the figures are keyed by: every kind of write
raises its kind's counter once per transaction, a read or a rollback raises nothing, and a
progress row carries the counter of the write that made it."""

from collections.abc import Callable

import httpx
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.data_versions import PROGRESS, REFERENCE
from api.measures.models import Measure
from api.municipalities.models import Municipality
from api.progress.models import ProgressStatus
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
    assert set(versions) == set(data_versions.KINDS), "the migrations make every counter"
    assert data_versions.key(db, REFERENCE) == f"{REFERENCE}{versions[REFERENCE]}"
