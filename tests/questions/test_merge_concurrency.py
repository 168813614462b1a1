"""Two editors merge two questions into each other at the same moment, on PostgreSQL: one merge
happens, the other is refused with a 409 that says why, and neither deadlocks."""

import contextlib
import threading
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from api.core.db import build_engine
from api.core.errors import DomainError
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.questions import workflow
from api.questions.models import Channel, Question
from tests.databases import base_url, drop_database, is_postgres, reference_copy

pytestmark = pytest.mark.skipif(
    not is_postgres(base_url()), reason="row locking under real concurrency is a PostgreSQL test"
)
EDITOR = Principal(kind="user", user_id=1, roles=frozenset({Role.EDITOR}))


def _question(subject: str) -> Question:
    return Question(
        channel=Channel.PHONE,
        subject=subject,
        text=f"{subject}: hoe passen wij dit toe?",
        asker_name="Petra Jansen",
        due_date=date(2027, 1, 1),
        measures=[],
        attachments=[],
        merged=[],
    )


def test_merging_two_questions_into_each_other_at_once_does_not_deadlock() -> None:
    url = reference_copy("merge_concurrency")
    try:
        engine = build_engine(url)
        settings = Settings(database_url=url)
        with Session(engine) as session:
            first, second = _question("Vrijlating giften"), _question("Giften vrijlaten")
            session.add_all([first, second])
            session.commit()
            a, b = first.id, second.id

        # Each merge pauses after its first row lock until the other has taken one too (or
        # a second has passed, when the other is already waiting for a lock): the moment at
        # which two merges that lock one question at a time hold one each.
        both_locked = threading.Barrier(2, timeout=1)
        paused = threading.local()

        def pause_after_first_lock(*args: Any) -> None:
            statement: str = args[2]
            if "FOR UPDATE" in statement and not getattr(paused, "done", False):
                paused.done = True
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_locked.wait()

        event.listen(engine, "after_cursor_execute", pause_after_first_lock)
        answers: dict[tuple[int, int], str | DomainError] = {}
        errors: list[BaseException] = []

        def merge(main: int, duplicate: int) -> None:
            try:
                with Session(engine) as session:
                    try:
                        workflow.merge(session, settings, EDITOR, main, duplicate, None)
                        session.commit()
                        answers[main, duplicate] = "samengevoegd"
                    except DomainError as exc:
                        session.rollback()
                        answers[main, duplicate] = exc
            except BaseException as exc:
                errors.append(exc)

        threads = [
            threading.Thread(target=merge, args=(b, a)),
            threading.Thread(target=merge, args=(a, b)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        event.remove(engine, "after_cursor_execute", pause_after_first_lock)

        assert not errors, f"a merge failed with a 500: {errors[0]!r}"
        merged = [pair for pair, answer in answers.items() if answer == "samengevoegd"]
        refused = [answer for answer in answers.values() if isinstance(answer, DomainError)]
        assert len(merged) == 1, answers
        assert len(refused) == 1, answers
        assert refused[0].status == 409
        main, duplicate = merged[0]
        assert f"samengevoegd met vraag {main}" in refused[0].detail
        with Session(engine) as session:
            stored = {q.id: q.merged_into_id for q in session.query(Question)}
        assert stored == {main: None, duplicate: main}, "one merge, not two halves"
        engine.dispose()
    finally:
        drop_database(url)
