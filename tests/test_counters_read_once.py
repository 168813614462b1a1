"""A route of figures made again after a change reads the version counters once: its version key,
the grid and the kept figures of a past day each ask for them, and each ask was a round trip on
PostgreSQL. (The round before routing reads them once more, for every kept answer at once.)"""

from collections.abc import Callable

import httpx
import pytest

from tests.auth import UTRECHT, login
from tests.conftest import QueryCounter
from tests.progress.helpers import move_utrechts_m20

FIGURES = [
    "/api/v1/voortgang/overzicht?groep=gemeente",
    "/api/v1/voortgang/overzicht?groep=provincie",
    "/api/v1/dashboard",
    "/api/v1/voortgang/trend",
    "/api/v1/gemeenten/GM0344/verloop",
    "/api/v1/provincies/PV26/voortgang",
    "/api/v1/kaart/waarden",
    "/api/v1/gemeenten/GM0344/vergelijking",
    "/api/v1/kaart/gemeenten",
]


@pytest.mark.parametrize("url", FIGURES)
async def test_a_figure_made_again_after_a_change_reads_the_counters_once(
    clients: Callable[[], httpx.AsyncClient], count_queries: QueryCounter, url: str
) -> None:
    public, contact = clients(), clients()
    await login(contact, UTRECHT)
    first = await public.get(url)
    assert first.status_code == 200, first.text
    await move_utrechts_m20(contact)
    count_queries.reset()
    again = await public.get(url)
    assert again.status_code == 200, again.text
    assert again.headers["etag"] != first.headers["etag"], "made again, not the kept answer"
    counters = [s for s in count_queries.statements if "sequence_counters" in s]
    assert len(counters) == 2, "one read before routing, one in the route"
