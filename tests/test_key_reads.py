"""Version keys read in rounds, once for all requests waiting at the same moment, and never in a
round that began before a request came in (core/key_reads.py)."""

import asyncio
from collections.abc import Hashable

import pytest

from api.core.key_reads import KeyReads, ReadStoppedError

pytestmark = pytest.mark.engine_neutral


class Database:
    """Versions per kind that a test raises, and rounds the test can hold up."""

    def __init__(self) -> None:
        self.versions: dict[Hashable, int] = {"cijfers": 1, "faq": 7}
        self.rounds: list[list[Hashable]] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.started = asyncio.Event()

    async def read_round(self, kinds: list[Hashable]) -> dict[Hashable, str]:
        self.rounds.append(kinds)
        seen = {kind: f"v{self.versions[kind]}" for kind in kinds}  # the moment it reads
        self.started.set()
        await self.gate.wait()
        return seen


async def test_requests_waiting_at_once_share_one_round() -> None:
    reads, database = KeyReads(), Database()
    keys = await asyncio.gather(
        *(reads.read(kind, database.read_round) for kind in ["cijfers", "faq"] * 25)
    )
    assert keys == ["v1", "v7"] * 25
    assert database.rounds == [["cijfers", "faq"]], "one round, each kind read once"
    assert reads.rounds == 1


async def test_a_request_never_gets_a_round_that_began_before_it_came() -> None:
    reads, database = KeyReads(), Database()
    database.gate.clear()
    first = asyncio.create_task(reads.read("cijfers", database.read_round))
    await database.started.wait()
    # A write commits while the first round is under way; then requests come in.
    database.versions["cijfers"] = 2
    later = [asyncio.create_task(reads.read("cijfers", database.read_round)) for _ in range(5)]
    await asyncio.sleep(0)
    database.gate.set()
    assert await first == "v1"
    assert [await task for task in later] == ["v2"] * 5
    assert len(database.rounds) == 2, "the five who came during the first round shared the next"


async def test_a_failed_round_fails_its_waiters_and_the_next_round_runs_anew() -> None:
    reads = KeyReads()

    async def failing(_: list[Hashable]) -> dict[Hashable, str]:
        raise RuntimeError("de database is weg")

    results = await asyncio.gather(
        *(reads.read("cijfers", failing) for _ in range(3)), return_exceptions=True
    )
    assert all(isinstance(result, RuntimeError) for result in results)
    assert await reads.read("cijfers", Database().read_round) == "v1"


async def test_one_waiter_leaving_does_not_stop_the_round_for_the_others() -> None:
    reads, database = KeyReads(), Database()
    database.gate.clear()
    leaving = asyncio.create_task(reads.read("cijfers", database.read_round))
    staying = asyncio.create_task(reads.read("cijfers", database.read_round))
    await database.started.wait()
    leaving.cancel()
    database.gate.set()
    assert await staying == "v1"
    assert leaving.cancelled()


async def test_a_round_stopped_from_outside_sends_its_waiters_to_the_route() -> None:
    reads, database = KeyReads(), Database()
    database.gate.clear()
    waiting = asyncio.create_task(reads.read("cijfers", database.read_round))
    await database.started.wait()
    for task in asyncio.all_tasks():
        if task.get_coro().__qualname__ == "KeyReads._rounds":  # type: ignore[union-attr]
            task.cancel()
    with pytest.raises(ReadStoppedError):
        await waiting
    database.gate.set()
    assert await reads.read("cijfers", database.read_round) == "v1", "a new round follows"
