"""Reading the help list and changing a cell through the API, for tests."""

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


async def move_utrechts_m20(contact: httpx.AsyncClient) -> str:
    """Moves Utrecht's M20 to another phase as its contact (signed in); returns the new phase.
    Every figure that counts phases changes by one."""
    cell = await contact.get("/api/v1/gemeenten/GM0344/voortgang/M20")
    target = "geevalueerd" if cell.json()["fase"] != "geevalueerd" else "niet-gestart"
    changed = await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M20",
        json={"fase": target},
        headers={"If-Match": cell.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    return target
