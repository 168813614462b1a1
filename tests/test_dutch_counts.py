"""Counts in Dutch messages agree with their number: "1 van 22 rijen is ongeldig"."""

from collections.abc import Callable

import httpx
import pytest

from api.core.dutch import part_of, plural
from tests.auth import EDITOR, login


@pytest.mark.engine_neutral
def test_nouns_and_verbs_agree_with_their_count() -> None:
    assert plural(1, "rij", "rijen") == "1 rij"
    assert plural(0, "rij", "rijen") == "0 rijen"
    assert plural(3, "gemeente", "gemeenten") == "3 gemeenten"
    assert part_of(1, 22, "rij", "rijen", "is", "zijn") == "1 van 22 rijen is"
    assert part_of(3, 22, "rij", "rijen", "is", "zijn") == "3 van 22 rijen zijn"
    assert part_of(1, 1, "rij", "rijen", "is", "zijn") == "1 van 1 rij is"


async def test_a_refused_upload_counts_its_invalid_rows_in_dutch(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = clients()
    await login(editor, EDITOR)
    rows = [
        {"gemeente": "GM0344", "maatregel": "M01", "fase": "orienterend"},
        {"gemeente": "GM0344", "maatregel": "M99", "fase": "orienterend"},
    ]
    response = await editor.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("1 van 2 rijen is ongeldig;")
