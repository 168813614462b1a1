"""A bulk write that loses a race with another transaction (a deadlock, a serialization
failure) is run again in a savepoint; when every attempt loses, the answer is a 503 with
Retry-After, nothing is written, and the same request may simply be sent again."""

from collections.abc import Callable
from typing import Any

import httpx
import psycopg.errors
import pytest
from sqlalchemy.exc import OperationalError

from api.core import retries
from api.progress import repository
from tests.auth import EDITOR, login

BULK = "/api/v1/voortgang/bulk"
CELLS = ("M01", "M02", "M03")


def _rows(note: str) -> dict[str, Any]:
    return {
        "rijen": [
            {"gemeente": "GM0344", "maatregel": m, "fase": "orienterend", "notitie": note}
            for m in CELLS
        ]
    }


def _deadlock() -> OperationalError:
    return OperationalError(
        "INSERT INTO progress_snapshots ...", {}, psycopg.errors.DeadlockDetected()
    )


def _lose_the_first(times: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The history insert, the last write of an attempt, deadlocks `times` times."""
    real = repository.append_history
    calls: list[int] = []

    def append_history(session: Any, snapshots: list[dict[str, Any]]) -> None:
        calls.append(len(snapshots))
        if len(calls) <= times:
            raise _deadlock()
        real(session, snapshots)

    monkeypatch.setattr(repository, "append_history", append_history)
    monkeypatch.setattr(retries, "PAUSE_SECONDS", 0.001)
    return calls


async def _cells(editor: httpx.AsyncClient) -> dict[str, tuple[int, str | None]]:
    found = {}
    for measure in CELLS:
        cell = (await editor.get(f"/api/v1/gemeenten/GM0344/voortgang/{measure}")).json()
        found[measure] = (cell["versie"], cell["notitie"])
    return found


async def _history_length(editor: httpx.AsyncClient, measure: str) -> int:
    url = f"/api/v1/gemeenten/GM0344/voortgang/{measure}/geschiedenis"
    return len((await editor.get(url)).json()["resultaten"])


async def test_a_lost_race_is_run_again_and_written_once(
    clients: Callable[[], httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = clients()
    await login(editor, EDITOR)
    before = await _cells(editor)
    history = {m: await _history_length(editor, m) for m in CELLS}
    calls = _lose_the_first(2, monkeypatch)

    response = await editor.post(BULK, json=_rows("na twee pogingen"))

    assert response.status_code == 200, response.text
    assert response.json()["gewijzigd"] == len(CELLS)
    assert calls == [len(CELLS)] * 3, "two lost attempts, the third wrote"
    # The lost attempts had already changed the cells; their savepoints undid that.
    after = await _cells(editor)
    assert after == {m: (before[m][0] + 1, "na twee pogingen") for m in CELLS}
    assert {m: await _history_length(editor, m) for m in CELLS} == {
        m: n + 1 for m, n in history.items()
    }


async def test_every_attempt_lost_is_a_503_with_retry_after_and_changes_nothing(
    clients: Callable[[], httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = clients()
    await login(editor, EDITOR)
    before = await _cells(editor)
    calls = _lose_the_first(retries.ATTEMPTS, monkeypatch)
    headers = {"Idempotency-Key": "voortgang-druk-0001"}

    busy = await editor.post(BULK, json=_rows("te druk"), headers=headers)

    assert busy.status_code == 503, busy.text
    assert busy.headers["content-type"].startswith("application/problem+json")
    assert busy.headers["retry-after"] == str(retries.RETRY_AFTER_SECONDS)
    assert "niets gewijzigd" in busy.json()["detail"]
    assert len(calls) == retries.ATTEMPTS
    assert await _cells(editor) == before

    # The key was not used up by the failed request: sent again, the same request is done.
    monkeypatch.undo()
    again = await editor.post(BULK, json=_rows("te druk"), headers=headers)
    assert again.status_code == 200, again.text
    assert "idempotent-replayed" not in again.headers
    assert await _cells(editor) == {m: (before[m][0] + 1, "te druk") for m in CELLS}


async def test_other_database_errors_are_not_retried(
    clients: Callable[[], httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def broken(session: Any, snapshots: list[dict[str, Any]]) -> None:
        calls.append(len(snapshots))
        raise OperationalError("INSERT ...", {}, psycopg.errors.DiskFull())

    editor = clients()
    await login(editor, EDITOR)
    before = await _cells(editor)
    monkeypatch.setattr(repository, "append_history", broken)
    response = await editor.post(BULK, json=_rows("vol"))
    monkeypatch.undo()
    assert response.status_code >= 500
    assert calls == [len(CELLS)], "a full disk is not a race: one attempt"
    assert await _cells(editor) == before
