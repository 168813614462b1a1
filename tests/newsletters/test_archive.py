"""The public archive: only sent editions, newest first, each as sanitised web page content,
kept per version (304 on revalidation), and an Atom feed of them."""

from datetime import timedelta

import httpx
from defusedxml import ElementTree
from sqlalchemy.orm import Session

from api.core import clock
from api.newsletters.models import Edition, EditionStatus

ARCHIVE = "/api/v1/nieuwsbrief/archief"
FEED = f"{ARCHIVE}/feed"
ATOM = "{http://www.w3.org/2005/Atom}"


def _editions(db: Session) -> dict[str, Edition]:
    now = clock.now()
    made = {
        "oud": Edition(
            title="Nieuwsbrief januari",
            introduction="Het **begin**",
            status=EditionStatus.SENT,
            sections=[
                {
                    "soort": "eigen",
                    "titel": "Voor M01",
                    "maatregelen": ["M01"],
                    "items": [{"titel": "Kwaad", "link": "javascript:alert(1)"}],
                }
            ],
            sent_at=now - timedelta(days=40),
        ),
        "nieuw": Edition(
            title="Nieuwsbrief februari",
            introduction="<script>alert(1)</script>Verder",
            status=EditionStatus.SENT,
            sections=[],
            sent_at=now - timedelta(days=5),
        ),
        "concept": Edition(title="Nog geheim", status=EditionStatus.DRAFT, sections=[]),
        "gepland": Edition(
            title="Ook nog geheim",
            status=EditionStatus.SCHEDULED,
            sections=[],
            scheduled_for=now + timedelta(days=1),
        ),
        "verzenden": Edition(title="Bijna weg", status=EditionStatus.SENDING, sections=[]),
    }
    db.add_all(made.values())
    db.flush()
    return made


async def test_the_archive_shows_only_sent_editions_newest_first(
    client: httpx.AsyncClient, db: Session
) -> None:
    made = _editions(db)
    response = await client.get(ARCHIVE)
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("public")
    results = response.json()["resultaten"]
    assert [r["titel"] for r in results] == ["Nieuwsbrief februari", "Nieuwsbrief januari"]
    assert results[0]["id"] == made["nieuw"].id
    assert results[0]["link"].endswith(f"/nieuwsbrief/archief/{made['nieuw'].id}")
    assert response.json()["paginering"]["totaal"] == 2

    revalidated = await client.get(ARCHIVE, headers={"If-None-Match": response.headers["ETag"]})
    assert revalidated.status_code == 304
    assert revalidated.content == b""


async def test_a_sent_edition_is_sanitised_web_content_and_others_are_not_found(
    client: httpx.AsyncClient, db: Session
) -> None:
    made = _editions(db)
    response = await client.get(f"{ARCHIVE}/{made['oud'].id}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["titel"] == "Nieuwsbrief januari"
    assert body["verzondenOp"]
    # The archive holds everything, not one subscriber's choice.
    assert "Voor M01" in body["html"]
    assert "<strong>begin</strong>" in body["html"]
    assert "javascript" not in body["html"]
    newer = (await client.get(f"{ARCHIVE}/{made['nieuw'].id}")).json()
    assert "<script" not in newer["html"]
    assert "alert" not in newer["html"]

    again = await client.get(
        f"{ARCHIVE}/{made['oud'].id}", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304

    for unsent in ("concept", "gepland", "verzenden"):
        hidden = await client.get(f"{ARCHIVE}/{made[unsent].id}")
        assert hidden.status_code == 404
        assert hidden.headers["content-type"].startswith("application/problem+json")
        assert "geheim" not in hidden.text
    assert (await client.get(f"{ARCHIVE}/2147483000")).status_code == 404
    assert (await client.get(f"{ARCHIVE}/nul")).status_code == 400
    assert (await client.get(ARCHIVE, params={"pagina": "x"})).status_code == 400


async def test_a_new_sent_edition_changes_the_archive(
    client: httpx.AsyncClient, db: Session
) -> None:
    first = await client.get(ARCHIVE)
    db.add(
        Edition(
            title="Net verzonden",
            status=EditionStatus.SENT,
            sections=[],
            sent_at=clock.now(),
        )
    )
    db.flush()
    second = await client.get(ARCHIVE, headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    assert second.json()["resultaten"][0]["titel"] == "Net verzonden"


async def test_the_atom_feed_lists_sent_editions(client: httpx.AsyncClient, db: Session) -> None:
    made = _editions(db)
    response = await client.get(FEED, headers={"Accept": "application/atom+xml"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[:2] == ["Nieuwsbrief februari", "Nieuwsbrief januari"]
    assert "Nog geheim" not in titles
    assert "Ook nog geheim" not in titles
    link = entries[0].find(f"{ATOM}link")
    assert link is not None
    assert link.get("href", "").endswith(f"/nieuwsbrief/archief/{made['nieuw'].id}")
    content = entries[0].findtext(f"{ATOM}content") or ""
    assert "<script" not in content

    again = await client.get(
        FEED,
        headers={"Accept": "application/atom+xml", "If-None-Match": response.headers["ETag"]},
    )
    assert again.status_code == 304
    refused = await client.get(FEED, headers={"Accept": "text/csv"})
    assert refused.status_code == 406
