"""A blocker's kind beside its text: set, kept and cleared the same way by a PUT, the bulk,
a shared service's report, CSV and XLSX; refused beside no text and when unknown; recorded in
the history; demo blockers with and without a kind."""

import io
from collections.abc import Callable

import httpx
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.progress.models import BlockerKind, ProgressSnapshot, ProgressStatus
from api.progress.rows import COLUMNS
from api.progress.vocabulary import BLOCKER_KIND_LABELS
from tests.auth import SCRIPT, UTRECHT, login, machine_token
from tests.progress.test_exchange import xlsx

CELL = "/api/v1/gemeenten/GM0344/voortgang/M15"
BULK = "/api/v1/voortgang/bulk"
FILES = "/api/v1/voortgang/bestanden"
KINDS = [kind.value for kind in BlockerKind]


async def contact(clients: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    client = clients()
    await login(client, UTRECHT)
    return client


async def script(clients: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    client = clients()
    client.headers["Authorization"] = "Bearer " + await machine_token(
        client, SCRIPT.client_id, SCRIPT.secret
    )
    return client


async def put(client: httpx.AsyncClient, url: str = CELL, **fields: object) -> httpx.Response:
    etag = (await client.get(url)).headers["etag"]
    return await client.put(
        url, json={"fase": "voorbereidend", **fields}, headers={"If-Match": etag}
    )


async def cell(client: httpx.AsyncClient, measure: str = "M15") -> dict[str, object]:
    response = await client.get(f"/api/v1/gemeenten/GM0344/voortgang/{measure}")
    assert response.status_code == 200
    body: dict[str, object] = response.json()
    return body


async def history(client: httpx.AsyncClient, measure: str = "M15") -> list[dict[str, object]]:
    url = f"/api/v1/gemeenten/GM0344/voortgang/{measure}/geschiedenis"
    found: list[dict[str, object]] = (await client.get(url)).json()["resultaten"]
    return found


def test_the_vocabulary_is_the_agreed_list_with_a_label_for_each() -> None:
    assert KINDS == [
        "wet-en-regelgeving",
        "ict-en-leveranciers",
        "financien",
        "uitvoering-en-capaciteit",
        "ketenpartners",
        "implementatieproducten",
    ]
    assert list(BLOCKER_KIND_LABELS.values()) == [
        "Wet- en regelgeving",
        "ICT en leveranciers",
        "Financiën",
        "Uitvoering en capaciteit",
        "Ketenpartners",
        "Implementatieproducten",
    ]
    assert list(BLOCKER_KIND_LABELS) == list(BlockerKind)


async def test_a_put_sets_changes_and_records_the_kind(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    client = await contact(clients)
    first = await put(
        client, knelpunten="Leverancier levert later", knelpuntSoort="ict-en-leveranciers"
    )
    assert first.status_code == 200, first.text
    assert first.json()["knelpuntSoort"] == "ict-en-leveranciers"
    assert (await cell(client))["knelpuntSoort"] == "ict-en-leveranciers"

    version = first.json()["versie"]
    same = await put(
        client, knelpunten="Leverancier levert later", knelpuntSoort="ict-en-leveranciers"
    )
    assert same.json()["versie"] == version, "the same kind again is no change"

    other = await put(client, knelpunten="Leverancier levert later", knelpuntSoort="financien")
    assert other.json()["versie"] == version + 1, "a kind alone is a change, with a new ETag"
    assert other.headers["etag"] == f'"v{version + 1}"'
    assert (await history(client))[-1]["wijzigingen"] == {
        "knelpuntSoort": {"van": "ict-en-leveranciers", "naar": "financien"}
    }


async def test_a_put_without_the_kind_keeps_it_and_clearing_the_text_clears_it(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    """A client written before kinds existed sends no kind: it must not erase one."""
    client = await contact(clients)
    await put(client, knelpunten="Raad beslist later", knelpuntSoort="wet-en-regelgeving")
    kept = await put(client, knelpunten="Raad beslist in maart")
    assert kept.json()["knelpunten"] == "Raad beslist in maart"
    assert kept.json()["knelpuntSoort"] == "wet-en-regelgeving"

    cleared = await put(client, knelpunten=None)
    assert cleared.status_code == 200, cleared.text
    assert (cleared.json()["knelpunten"], cleared.json()["knelpuntSoort"]) == (None, None)
    assert (await history(client))[-1]["wijzigingen"] == {
        "knelpunten": {"van": "Raad beslist in maart", "naar": None},
        "knelpuntSoort": {"van": "wet-en-regelgeving", "naar": None},
    }

    await put(client, knelpunten="Raad beslist later", knelpuntSoort="wet-en-regelgeving")
    unset = await put(client, knelpunten="Raad beslist later", knelpuntSoort=None)
    assert (unset.json()["knelpunten"], unset.json()["knelpuntSoort"]) == (
        "Raad beslist later",
        None,
    )
    old_style = await put(client, knelpunten="Alleen tekst, zoals vroeger")
    assert old_style.status_code == 200
    assert old_style.json()["knelpuntSoort"] is None


async def test_a_put_refuses_a_kind_beside_no_text_and_an_unknown_kind(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    client = await contact(clients)
    before = await cell(client)
    for text in (None, "", "   "):
        refused = await put(client, knelpunten=text, knelpuntSoort="financien")
        assert refused.status_code == 400, text
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["invalidParams"] == [
            {
                "name": "knelpuntSoort",
                "in": "body",
                "code": "kind_without_blocker",
                "reason": "Een soort knelpunt hoort bij een knelpunt: beschrijf het in "
                "knelpunten, of laat de soort leeg.",
            }
        ]
    no_text_field = await put(client, knelpuntSoort="financien")
    assert no_text_field.status_code == 400, "a PUT without knelpunten has no blocker"
    unknown = await put(client, knelpunten="Iets", knelpuntSoort="weer")
    assert unknown.status_code == 400
    [param] = unknown.json()["invalidParams"]
    assert (param["name"], param["in"], param["code"]) == ("knelpuntSoort", "body", "enum")
    assert "wet-en-regelgeving" in param["reason"]
    assert (await cell(client))["versie"] == before["versie"], "nothing was written"


async def test_bulk_rows_set_keep_and_clear_the_kind(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    client = await script(clients)
    base = {"gemeente": "GM0344", "fase": "orienterend"}
    first = await client.post(
        BULK,
        json={
            "rijen": [
                {
                    **base,
                    "maatregel": "M16",
                    "knelpunten": "Geen geld",
                    "knelpuntSoort": "financien",
                },
                {**base, "maatregel": "M17", "knelpunten": "Oude tekst", "knelpuntSoort": None},
            ]
        },
    )
    assert first.status_code == 200, first.text
    assert (await cell(client, "M16"))["knelpuntSoort"] == "financien"
    assert (await cell(client, "M17"))["knelpuntSoort"] is None
    assert (await history(client, "M16"))[-1]["wijzigingen"]["knelpuntSoort"] == {
        "van": None,
        "naar": "financien",
    }

    # Absent fields keep what is stored: a kind for a stored text, a text keeping its kind.
    # A code in lower case sends the body the detailed way, which must read it the same.
    second = await client.post(
        BULK,
        json={
            "rijen": [
                {**base, "maatregel": "M17", "knelpuntSoort": "ketenpartners"},
                {**base, "gemeente": "gm0344", "maatregel": "M16", "knelpunten": "Nog geen geld"},
            ]
        },
    )
    assert second.status_code == 200, second.text
    m16, m17 = await cell(client, "M16"), await cell(client, "M17")
    assert (m16["knelpunten"], m16["knelpuntSoort"]) == ("Nog geen geld", "financien")
    assert (m17["knelpunten"], m17["knelpuntSoort"]) == ("Oude tekst", "ketenpartners")

    cleared = await client.post(
        BULK, json={"rijen": [{**base, "maatregel": "M16", "knelpunten": ""}]}
    )
    assert cleared.status_code == 200, cleared.text
    m16 = await cell(client, "M16")
    assert (m16["knelpunten"], m16["knelpuntSoort"]) == (None, None)
    assert (await history(client, "M16"))[-1]["wijzigingen"] == {
        "knelpunten": {"van": "Nog geen geld", "naar": None},
        "knelpuntSoort": {"van": "financien", "naar": None},
    }


async def test_bulk_refuses_a_kind_beside_no_text_per_row(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    client = await script(clients)
    await client.post(
        BULK,
        json={
            "rijen": [
                {
                    "gemeente": "GM0344",
                    "maatregel": "M18",
                    "fase": "orienterend",
                    "knelpunten": None,
                }
            ]
        },
    )
    before = (await cell(client, "M18"))["versie"]
    base = {"gemeente": "GM0344", "fase": "orienterend"}
    response = await client.post(
        BULK,
        json={
            "rijen": [
                {**base, "maatregel": "M18", "knelpuntSoort": "financien"},
                {**base, "maatregel": "M19", "knelpunten": "  ", "knelpuntSoort": "financien"},
                {**base, "maatregel": "M20", "knelpunten": "Iets", "knelpuntSoort": "weer"},
                {**base, "maatregel": "M21", "knelpunten": "Iets", "knelpuntSoort": "financien"},
            ]
        },
    )
    assert response.status_code == 400
    without = (
        "knelpuntSoort: een soort hoort bij een knelpunt; beschrijf het in knelpunten, of laat "
        "de soort leeg."
    )
    assert response.json()["rijFouten"] == [
        {"rij": 1, "gemeente": "GM0344", "maatregel": "M18", "fouten": [without]},
        {"rij": 2, "gemeente": "GM0344", "maatregel": "M19", "fouten": [without]},
        {
            "rij": 3,
            "gemeente": "GM0344",
            "maatregel": "M20",
            "fouten": [
                f"knelpuntSoort: 'weer' kan niet; kies uit {', '.join(KINDS)}, of laat het leeg."
            ],
        },
    ]
    assert (await cell(client, "M18"))["versie"] == before
    assert (await cell(client, "M21"))["knelpuntSoort"] is None, "all or nothing"


async def test_a_shared_service_report_carries_the_kind(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    isd = clients()
    await login(isd, "bollenstreek@demo.spoorboek.example")
    report = {
        "maatregel": "M17",
        "fase": "voorbereidend",
        "knelpunten": "Wachten op leverancier",
        "knelpuntSoort": "ict-en-leveranciers",
        "terugzettenBevestigd": ["GM0534", "GM0553", "GM0575", "GM1525"],
    }
    url = "/api/v1/organisaties/demo-isd-bollenstreek/voortgang"
    assert (await isd.post(url, json=report)).status_code == 200
    member = (await isd.get("/api/v1/gemeenten/GM0575/voortgang/M17")).json()
    assert member["knelpuntSoort"] == "ict-en-leveranciers"
    refused = await isd.post(url, json={**report, "knelpunten": None})
    assert refused.status_code == 400
    assert len(refused.json()["rijFouten"]) == 4


async def test_csv_round_trip_import_and_old_files(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    client = await contact(clients)
    await put(client, knelpunten="Te weinig mensen", knelpuntSoort="uitvoering-en-capaciteit")
    exported = await client.get("/api/v1/voortgang/export?formaat=csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";") == list(COLUMNS)
    [m15] = [line for line in lines if line.startswith("GM0344;M15;")]
    assert ";Te weinig mensen;uitvoering-en-capaciteit;" in m15
    again = await client.post(FILES, files={"bestand": ("v.csv", exported.content)})
    assert again.status_code == 200, again.text[:400]
    assert again.json()["gewijzigd"] == 0, "an unedited export changes nothing"

    header = "gemeente;maatregel;fase;knelpunten;knelpuntSoort\n"
    changed = header + "GM0344;M15;voorbereidend;Te weinig mensen;implementatieproducten\n"
    assert (
        await client.post(FILES, files={"bestand": ("v.csv", changed.encode())})
    ).status_code == 200
    assert (await cell(client))["knelpuntSoort"] == "implementatieproducten"
    assert (await history(client))[-1]["wijzigingen"] == {
        "knelpuntSoort": {"van": "uitvoering-en-capaciteit", "naar": "implementatieproducten"}
    }

    old = "gemeente;maatregel;fase;knelpunten\nGM0344;M15;voorbereidend;Te weinig mensen, nog\n"
    assert (await client.post(FILES, files={"bestand": ("v.csv", old.encode())})).status_code == 200
    now = await cell(client)
    assert (now["knelpunten"], now["knelpuntSoort"]) == (
        "Te weinig mensen, nog",
        "implementatieproducten",
    )

    wrong = header + "GM0344;M15;voorbereidend;Iets;Weer\nGM0344;M14;voorbereidend;;financien\n"
    refused = await client.post(FILES, files={"bestand": ("v.csv", wrong.encode())})
    assert refused.status_code == 400
    assert [(e["rij"], e["fouten"][0].split(":")[0]) for e in refused.json()["rijFouten"]] == [
        (2, "knelpuntSoort"),
        (3, "knelpuntSoort"),
    ]
    assert "'Weer' kan niet" in refused.json()["rijFouten"][0]["fouten"][0]


async def test_xlsx_round_trip_and_import(clients: Callable[[], httpx.AsyncClient]) -> None:
    client = await contact(clients)
    await put(client, knelpunten="Afspraken met UWV", knelpuntSoort="ketenpartners")
    workbook = await client.get("/api/v1/voortgang/export?formaat=xlsx")
    rows = list(load_workbook(io.BytesIO(workbook.content)).active.iter_rows(values_only=True))
    assert list(rows[0]) == list(COLUMNS)
    [m15] = [r for r in rows if r[:2] == ("GM0344", "M15")]
    assert m15[COLUMNS.index("knelpuntSoort")] == "ketenpartners"
    again = await client.post(FILES, files={"bestand": ("v.xlsx", workbook.content)})
    assert again.status_code == 200, again.text[:400]
    assert again.json()["gewijzigd"] == 0

    sheet = xlsx(
        [
            ["gemeente", "maatregel", "fase", "knelpunten", "knelpuntSoort"],
            ["GM0344", "M15", "voorbereidend", "Afspraken met UWV", " wet-en-regelgeving "],
        ]
    )
    assert (await client.post(FILES, files={"bestand": ("v.xlsx", sheet)})).status_code == 200
    assert (await cell(client))["knelpuntSoort"] == "wet-en-regelgeving"
    unknown = xlsx(
        [
            ["gemeente", "maatregel", "fase", "knelpunten", "knelpuntSoort"],
            ["GM0344", "M15", "voorbereidend", "Afspraken met UWV", 7],
        ]
    )
    refused = await client.post(FILES, files={"bestand": ("v.xlsx", unknown)})
    assert refused.status_code == 400
    assert refused.json()["rijFouten"][0]["fouten"][0].startswith("knelpuntSoort: '7' kan niet")


async def test_the_history_and_the_state_as_of_a_date_keep_the_kind(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    client = await contact(clients)
    saved = await put(client, knelpunten="Raad beslist later", knelpuntSoort="wet-en-regelgeving")
    stored = db.scalar(
        select(ProgressSnapshot.blocker_kind).where(
            ProgressSnapshot.municipality_code == "GM0344",
            ProgressSnapshot.measure_code == "M15",
            ProgressSnapshot.version == saved.json()["versie"],
        )
    )
    assert stored is BlockerKind.LAW, "the snapshot holds the whole state, the kind included"
    today = saved.json()["peildatum"]
    then = (await client.get(f"{CELL}?peildatum={today}")).json()
    assert then["knelpuntSoort"] == "wet-en-regelgeving"


def test_the_demo_has_blockers_with_and_without_a_kind(db: Session) -> None:
    counts = dict(
        db.execute(
            select(ProgressStatus.blocker_kind, func.count())
            .where(ProgressStatus.blockers.is_not(None))
            .group_by(ProgressStatus.blocker_kind)
        ).all()
    )
    without = counts.pop(None, 0)
    assert without > 0, "old free text without a kind stays in the demo"
    assert sum(counts.values()) > 3 * without, "most demo blockers have a kind"
    assert set(counts) == set(BlockerKind), "every kind occurs"
    assert (
        db.scalar(
            select(func.count()).where(
                ProgressStatus.blockers.is_(None), ProgressStatus.blocker_kind.is_not(None)
            )
        )
        == 0
    )
