"""Reading the help list through the API for tests."""

from typing import Any

import httpx

HELP_URL = "/api/v1/voortgang/hulp-nodig"


async def every_row(editor: httpx.AsyncClient, query: str = "") -> list[dict[str, Any]]:
    """Follows the pages' next links to the end."""
    rows: list[dict[str, Any]] = []
    url: str | None = f"{HELP_URL}?paginaGrootte=100{'&' + query if query else ''}"
    total = None
    while url:
        response = await editor.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        total = body["paginering"]["totaal"]
        rows += body["resultaten"]
        url = body["_links"]["next"]["href"] if body["_links"].get("next") else None
    assert len(rows) == total
    return rows
