"""Version keys read in rounds, once for every request waiting at that moment (core/kept.py).

A kept answer may be sent only if its version key, read *after* the request came in, still
names it: a write committed before the request must never be answered with the copy from before
it, in this worker or any other. Reading a key costs a thread, a connection and a query, several
times what sending the kept bytes costs. So when many requests come at once (the day a wave
starts, a news link), one round serves all of them: a request joins the next round that has not
started yet, never one already under way, so every key it gets was read after it arrived. A round
reads each kind of key asked for once, in one thread on one connection. Under load one round
answers many requests; a lone request waits for a round of its own, as before."""

import asyncio
from collections.abc import Awaitable, Callable, Hashable

Round = Callable[[list[Hashable]], Awaitable[dict[Hashable, str]]]
"""Reads the keys of these kinds, all at one moment, and gives each by its kind."""

Slots = dict[Hashable, asyncio.Future[str]]


class ReadStoppedError(Exception):
    """The round was stopped before it answered."""


class KeyReads:
    """The rounds of one worker process, per event loop (the tests run several)."""

    def __init__(self) -> None:
        self._next: dict[asyncio.AbstractEventLoop, Slots] = {}
        # The running rounds, kept so that they are not collected while they run.
        self._reading: dict[asyncio.AbstractEventLoop, asyncio.Task[None]] = {}
        self.rounds = 0
        """Rounds run: how the tests see many requests share one."""

    async def read(self, kind: Hashable, read_round: Round) -> str:
        """The key of this kind as it stood at a moment after this call began."""
        loop = asyncio.get_running_loop()
        waiting = self._next.setdefault(loop, {})
        slot = waiting.get(kind)
        if slot is None:
            slot = waiting[kind] = loop.create_future()
            # Nobody may be left waiting for an error that no one asks for.
            slot.add_done_callback(_retrieve)
        if loop not in self._reading:
            self._reading[loop] = loop.create_task(self._rounds(loop, read_round))
        # One waiter leaving (a client gone) must not cancel the round for the others.
        return await asyncio.shield(slot)

    async def _rounds(self, loop: asyncio.AbstractEventLoop, read_round: Round) -> None:
        slots: Slots = {}
        try:
            while slots := self._next.pop(loop, {}):
                self.rounds += 1
                try:
                    keys = await read_round(list(slots))
                except Exception as error:  # the waiters go on to the route, which decides
                    for slot in slots.values():
                        slot.set_exception(error)
                else:
                    for kind, slot in slots.items():
                        slot.set_result(keys[kind])
        finally:
            # Stopped from outside (the loop closing): whoever waits goes on to the route.
            self._reading.pop(loop, None)
            for left in (slots, self._next.pop(loop, {})):
                for slot in left.values():
                    if not slot.done():
                        slot.set_exception(ReadStoppedError())


def _retrieve(future: asyncio.Future[str]) -> None:
    if not future.cancelled():
        future.exception()
