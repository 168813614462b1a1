"""Full-text search with Dutch stemming: ranked, with highlighted fragments."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from api.core.stemming import stem, stems
from tests.auth import EDITOR, login
from tests.products.helpers import create, publish


async def search(client: httpx.AsyncClient, query: str, extra: str = "") -> list[dict[str, object]]:
    response = await client.get(f"/api/v1/producten?zoek={query}&paginaGrootte=100{extra}")
    assert response.status_code == 200, response.text
    return response.json()["resultaten"]  # type: ignore[no-any-return]


async def test_vrijlating_finds_giftenvrijlating(clients: Callable[[], httpx.AsyncClient]) -> None:
    public = clients()
    results = await search(public, "vrijlating")
    assert results, "the demo catalogue has published products about Giftenvrijlating"
    assert all(
        "vrijlating" in (str(r["titel"]) + str(r["samenvatting"]) + str(r["maatregelen"])).lower()
        for r in results
    )
    assert any("Giftenvrijlating" in str(r["titel"]) for r in results)
    top = results[0]
    assert "<mark>" in str(top["fragment"])


async def test_stemming_and_ranking(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    in_title = await create(
        editor,
        titel="Handreikingen over de bufferbudgetten",
        samenvatting="Tekst.",
        maatregelen=["M16"],
    )
    in_body = await create(
        editor,
        titel="Factsheet overig",
        soort="factsheet",
        samenvatting="Een korte uitleg; zie ook de handreiking bij het bufferbudget.",
        maatregelen=["M12"],
    )
    for product in (in_title, in_body):
        await publish(editor, tester, product["id"])
    found = [r["id"] for r in await search(editor, "bufferbudget handreiking")]
    assert found.index(in_title["id"]) < found.index(in_body["id"]), "a title hit ranks first"
    plural = [r["id"] for r in await search(editor, "bufferbudgetten")]
    assert in_title["id"] in plural
    assert in_body["id"] in plural
    fragment = next(r for r in await search(editor, "bufferbudget") if r["id"] == in_body["id"])[
        "fragment"
    ]
    assert "<mark>bufferbudget.</mark>" in str(fragment) or "<mark>bufferbudget</mark>" in str(
        fragment
    )


async def test_search_respects_visibility_and_filters(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    public, editor = clients(), clients()
    await login(editor, EDITOR)
    secret = await create(editor, titel="Zeldzaamwoord in concept")
    assert [r["id"] for r in await search(editor, "zeldzaamwoord")] == [secret["id"]]
    assert await search(public, "zeldzaamwoord") == []
    filtered = await search(public, "vrijlating", "&soort=factsheet")
    assert all(r["soort"] == "factsheet" for r in filtered)


async def test_search_pagination_and_nonsense(client: httpx.AsyncClient) -> None:
    everything = await search(client, "maatregel")
    first = (await client.get("/api/v1/producten?zoek=maatregel&paginaGrootte=2")).json()
    assert first["paginering"]["totaal"] == len(everything)
    assert [r["id"] for r in first["resultaten"]] == [r["id"] for r in everything[:2]]
    assert await search(client, "qqqxxyy") == []
    assert await search(client, '"; DROP TABLE products; --') == []
    assert (await client.get("/api/v1/producten?zoek=a")).status_code == 400


def test_stemming_is_safe_across_threads() -> None:
    """Requests are served by several threads at once; stems must not get mixed up."""
    words = [
        "vrijlating",
        "handreikingen",
        "gemeenten",
        "bufferbudgetten",
        "inkomsten",
        "verrekenen",
    ] * 50
    expected = {w: stems(w) for w in set(words)}
    stem.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda w: (w, stems(w)), words * 4))
    assert all(result == expected[word] for word, result in results)
