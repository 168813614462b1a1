"""The catalogue as the public, partners and editors see it: visibility, filters, due dates
derived from the waves, freshness after a measure changes, ETags, history."""

from collections.abc import Callable

import httpx

from tests.auth import ADMIN, EDITOR, PARTNER, login, machine_token
from tests.products.helpers import create, move, publish


async def as_partner(client: httpx.AsyncClient) -> httpx.AsyncClient:
    token = await machine_token(client, PARTNER.client_id, PARTNER.secret)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


async def all_products(client: httpx.AsyncClient, query: str = "") -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    url: str | None = f"/api/v1/producten?paginaGrootte=100{query}"
    while url:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        found += response.json()["resultaten"]
        url = (
            response.json()["_links"]["next"]["href"] if response.json()["_links"]["next"] else None
        )
    return found


async def test_public_sees_only_published_and_not_withdrawn(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, partner, editor = clients(), await as_partner(clients()), clients()
    await login(editor, EDITOR)
    everything = await all_products(editor)
    published = [p for p in everything if p["gepubliceerdeVersie"] and p["status"] != "ingetrokken"]
    assert 0 < len(published) < len(everything), "the demo catalogue has every state"
    seen = await all_products(public)
    assert sorted(p["id"] for p in seen) == sorted(p["id"] for p in published)
    assert all(p["geplandDatum"] is None and p["eigenaar"] is None for p in seen)
    partner_view = await all_products(partner)
    assert len(partner_view) == len(everything)
    planned = next(p for p in partner_view if p["status"] == "gepland")
    assert planned["geplandDatum"] is not None, "partners see planned dates"
    assert planned["eigenaar"] is None
    hidden = next(p for p in everything if p["status"] == "gepland")
    assert (await public.get(f"/api/v1/producten/{hidden['id']}")).status_code == 404
    assert (await partner.get(f"/api/v1/producten/{hidden['id']}")).status_code == 200


async def test_filters(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    everything = await all_products(editor)
    for query, keep in (
        ("&maatregel=M03", lambda p: "M03" in [m["code"] for m in p["maatregelen"]]),
        ("&fase=2", lambda p: 2 in p["fasen"]),
        ("&soort=handreiking", lambda p: p["soort"] == "handreiking"),
        ("&status=in-toetsing", lambda p: p["status"] == "in-toetsing"),
        ("&doelgroep=inwoners", lambda p: "inwoners" in p["doelgroepen"]),
        ("&uitgever=divosa", lambda p: "divosa" in [u["code"] for u in p["uitgevers"]]),
    ):
        expected = sorted(p["id"] for p in everything if keep(p))
        assert expected, query
        assert sorted(p["id"] for p in await all_products(editor, query)) == expected, query
    bad = await editor.get("/api/v1/producten?soort=poster&maatregel=M77&fase=0")
    assert bad.status_code == 400
    assert {p["name"] for p in bad.json()["invalidParams"]} == {"soort", "fase"}
    unknown = await editor.get("/api/v1/producten?maatregel=M77&uitgever=nergens")
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {"maatregel", "uitgever"}


async def test_due_date_follows_the_wave(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, admin = clients(), clients()
    await login(editor, EDITOR)
    await login(admin, ADMIN)
    both = await create(editor, maatregelen=["M15", "M13"])
    assert both["uitersteLeverdatum"] == "2026-07-01", "the earliest of wave 2 and wave 3"
    moved = await editor.patch("/api/v1/fasen/2", json={"productenGereedOp": "2026-09-01"})
    assert moved.status_code == 200
    after = (await editor.get(f"/api/v1/producten/{both['id']}")).json()
    assert after["uitersteLeverdatum"] == "2026-09-01"
    later = await editor.patch("/api/v1/fasen/2", json={"productenGereedOp": "2027-03-01"})
    assert later.status_code == 200
    assert (await editor.get(f"/api/v1/producten/{both['id']}")).json()[
        "uitersteLeverdatum"
    ] == "2026-12-31"


async def test_freshness_flag_after_a_measure_changes(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester, partner = clients(), clients(), await as_partner(clients())
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M05"])
    draft_only = await create(editor, maatregelen=["M05"], titel="Nog niet gepubliceerd")
    await publish(editor, tester, product["id"])
    unrelated = await editor.patch(
        "/api/v1/maatregelen/M05", json={"samenvatting": "Andere woorden."}
    )
    assert unrelated.status_code == 200
    assert (await editor.get(f"/api/v1/producten/{product['id']}")).json()[
        "actualiteitControleren"
    ] is False
    changed = await editor.patch(
        "/api/v1/maatregelen/M05", json={"artikelen": ["Pw 44(5)", "Pw 44(6)"]}
    )
    assert changed.status_code == 200
    flagged = (await editor.get(f"/api/v1/producten/{product['id']}")).json()
    assert flagged["actualiteitControleren"] is True
    assert "M05" in flagged["actualiteitReden"]
    assert "artikelen" in flagged["actualiteitReden"]
    assert (await editor.get(f"/api/v1/producten/{draft_only['id']}")).json()[
        "actualiteitControleren"
    ] is False
    assert (await partner.get(f"/api/v1/producten/{product['id']}")).json()[
        "actualiteitControleren"
    ] is True
    confirmed = await editor.put(
        f"/api/v1/producten/{product['id']}/actualiteit", json={"actueel": True}
    )
    assert confirmed.status_code == 200
    assert confirmed.json()["actualiteitControleren"] is False
    twice = await editor.put(
        f"/api/v1/producten/{product['id']}/actualiteit", json={"actueel": True}
    )
    assert twice.status_code == 409
    await editor.patch("/api/v1/maatregelen/M05", json={"ingangsdatum": "2026-04-01"})
    assert (await editor.get(f"/api/v1/producten/{product['id']}")).json()[
        "actualiteitControleren"
    ] is True
    new_version = await move(
        editor, product["id"], "in-ontwikkeling", wijzigingsnotitie="Nieuwe datum"
    )
    assert new_version.json()["actualiteitControleren"] is True, (
        "until the new version is published"
    )


async def test_measure_editing_is_for_editors_and_audited(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, contact, admin = clients(), clients(), clients()
    await login(editor, EDITOR)
    await login(contact, "utrecht@demo.spoorboek.example")
    await login(admin, ADMIN)
    assert (
        await contact.patch("/api/v1/maatregelen/M01", json={"titel": "Nieuw"})
    ).status_code == 403
    assert (
        await clients().patch("/api/v1/maatregelen/M01", json={"titel": "Nieuw"})
    ).status_code == 401
    bad = await editor.patch(
        "/api/v1/maatregelen/M01", json={"thema": "bestaat-niet", "fase": 9, "kleur": "rood"}
    )
    assert bad.status_code == 400
    own_date = await editor.patch("/api/v1/maatregelen/M01", json={"ingangsdatum": "2026-03-01"})
    assert own_date.json()["ingangsdatum"] == "2026-03-01"
    back = await editor.patch("/api/v1/maatregelen/M01", json={"ingangsdatum": None})
    assert back.json()["ingangsdatum"] == "2026-01-01", "null follows the wave again"
    log = (await admin.get("/api/v1/audit-gebeurtenissen?gebeurtenis=maatregel.gewijzigd")).json()[
        "resultaten"
    ]
    assert log[0]["details"]["ingangsdatum"] == {"van": "2026-03-01", "naar": None}


async def test_history_records_who_when_what(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor)
    await editor.patch(f"/api/v1/producten/{product['id']}", json={"titel": "Betere titel"})
    await publish(editor, tester, product["id"])
    history = (await editor.get(f"/api/v1/producten/{product['id']}/geschiedenis")).json()[
        "resultaten"
    ]
    kinds = [h["soort"] for h in history]
    assert kinds[:2] == ["aangemaakt", "gewijzigd"]
    assert "status:gepubliceerd" in kinds
    assert "toetsing:goedgekeurd" in kinds
    assert history[1]["details"] == {
        "titel": {"van": "Handreiking testproduct", "naar": "Betere titel"}
    }
    me = (await editor.get("/api/v1/mijn-account")).json()["id"]
    assert history[0]["door"] == f"user:{me}"
    assert (await tester.get(f"/api/v1/producten/{product['id']}/geschiedenis")).status_code == 403


async def test_list_etag_and_last_modified(clients: Callable[[], httpx.AsyncClient]) -> None:
    public, editor, tester = clients(), clients(), clients()
    first = await public.get("/api/v1/producten?soort=handreiking")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert (
        await public.get("/api/v1/producten?soort=handreiking", headers={"If-None-Match": etag})
    ).status_code == 304
    assert (
        await public.get(
            "/api/v1/producten?soort=handreiking", headers={"If-Modified-Since": modified}
        )
    ).status_code == 304
    other_query = await public.get(
        "/api/v1/producten?soort=factsheet", headers={"If-None-Match": etag}
    )
    assert other_query.status_code == 200
    await login(editor, EDITOR)
    product = await create(editor, soort="handreiking")
    await publish(editor, tester, product["id"])
    changed = await public.get(
        "/api/v1/producten?soort=handreiking", headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200
    assert product["id"] in [p["id"] for p in changed.json()["resultaten"]]
    assert (
        await editor.get("/api/v1/producten?soort=handreiking", headers={"If-None-Match": etag})
    ).status_code == 200, (
        "editors see a different representation, so the public's tag must not match theirs"
    )


async def test_moving_a_wave_changes_the_list_etag(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, editor = clients(), clients()
    etag = (await public.get("/api/v1/producten")).headers["etag"]
    await login(editor, EDITOR)
    await editor.patch("/api/v1/fasen/1", json={"productenGereedOp": "2025-11-30"})
    assert (
        await public.get("/api/v1/producten", headers={"If-None-Match": etag})
    ).status_code == 200


async def test_withdrawn_products_are_not_flagged_and_titles_are_searchable(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M10"])
    await publish(editor, tester, product["id"])
    await move(editor, product["id"], "ingetrokken", toelichting="Weg")
    await editor.patch(
        "/api/v1/maatregelen/M10",
        json={"artikelen": ["Pw 43a", "Pw 43b"], "titel": "Hergebruik van gegevens xyzzy"},
    )
    assert (await editor.get(f"/api/v1/producten/{product['id']}")).json()[
        "actualiteitControleren"
    ] is False
    live = await create(editor, maatregelen=["M10"], titel="Nog een handreiking")
    found = (await editor.get("/api/v1/producten?zoek=xyzzy")).json()["resultaten"]
    assert live["id"] in [p["id"] for p in found], "a measure's new title is searchable at once"


async def test_a_proxy_may_share_the_public_catalogue_but_never_an_editors_view(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, editor = clients(), clients()
    await login(editor, EDITOR)
    for path in ("/api/v1/producten", f"/api/v1/producten/{(await all_products(public))[0]['id']}"):
        shared = await public.get(path)
        assert "s-maxage=60" in shared.headers["cache-control"], path
        vary = {v.strip() for v in shared.headers["vary"].split(",")}
        assert {"Authorization", "Cookie"} <= vary, "keyed on who asks"
        own = await editor.get(path)
        assert own.headers["cache-control"] == "private, no-cache", path
