"""The public register as open data: the CSV (CC BY 4.0) and the Atom feed of responses hold
public signals only, never a reporter or backer, never a municipality behind the evidence; both
read back with an independent parser, are built once per version of the register and answer a
repeated request with 304."""

import csv
import io
import re
from datetime import UTC, datetime
from xml.etree import ElementTree

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core import data_versions
from api.core.data_versions import PROGRESS, REFERENCE, SIGNALS
from api.municipalities.models import Municipality
from api.signals.models import Signal, SignalStatus
from tests.auth import BOLLENSTREEK, UTRECHT
from tests.signals.helpers import REQUIRED, blocked_cells, editor, move, person, report, utrecht

CSV_URL = "/api/v1/openbare-signalen/export"
FEED_URL = "/api/v1/openbare-signalen/reacties"
ATOM = "{http://www.w3.org/2005/Atom}"
COLUMNS = [
    "id",
    "titel",
    "soort",
    "status",
    "maatregelen",
    "aantal_gemeenten",
    "aantal_inwoners",
    "doorgezet_aan",
    "doorgezet_op",
    "reactie",
    "uitkomst",
    "reactie_op",
    "aangemaakt_op",
]
# A response a spreadsheet would run as a formula, were it not guarded.
FORMULA = "=1+1 rekent de handreiking niet uit; spoor 2 neemt de vrijlating mee."


def csv_rows(response: httpx.Response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(reader)
    assert header == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


async def publish(e: httpx.AsyncClient, signal_id: object) -> None:
    response = await e.patch(f"/api/v1/signalen/{signal_id}", json={"openbaar": True})
    assert response.status_code == 200, response.text


async def respond(e: httpx.AsyncClient, signal_id: object, text: str, **extra: object) -> None:
    for step in ("in-behandeling", "doorgezet"):
        response = await move(e, signal_id, step, **REQUIRED.get(step, {}))
        assert response.status_code == 200, response.text
    answer = await move(
        e, signal_id, "reactie-ontvangen", tekst=text, uitkomst="handreiking", **extra
    )
    assert answer.status_code == 200, answer.text


async def _public_with_evidence(
    clients: object, db: Session
) -> tuple[httpx.AsyncClient, dict[str, object], set[str]]:
    """A contact's signal, made public, with blockers of three other municipalities and the
    backing of a fourth; returns the editor, the signal and the municipalities behind it."""
    contact = await utrecht(clients)
    signal = await report(contact, titel="Rekenregels voor de vrijlating zijn onduidelijk")
    e = await editor(clients)
    cells = blocked_cells(db, 3, not_in={"GM0344", "GM0534"})
    linked = await e.post(
        f"/api/v1/signalen/{signal['id']}/bewijs",
        json={
            "knelpunten": [
                {"gemeente": c.municipality_code, "maatregel": c.measure_code} for c in cells
            ]
        },
    )
    assert linked.status_code == 200, linked.text
    await publish(e, signal["id"])
    backer = await person(clients, BOLLENSTREEK)
    backed = await backer.post(
        f"/api/v1/signalen/{signal['id']}/ook-bij-ons", json={"gemeente": "GM0534"}
    )
    assert backed.status_code == 201, backed.text
    behind = {"GM0344", "GM0534"} | {c.municipality_code for c in cells}
    return e, signal, behind


def _names_and_addresses(db: Session, emails: list[str]) -> list[str]:
    people = db.scalars(select(User).where(User.email.in_(emails))).all()
    assert len(people) == len(emails)
    return [p.name for p in people] + emails


async def test_the_csv_holds_every_public_signal_and_nobody_behind_it(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    e, public, behind = await _public_with_evidence(clients, db)
    await respond(e, public["id"], FORMULA)
    private = await report(e, titel="Een signaal dat binnen het team blijft")

    response = await client.get(CSV_URL)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="openbare-signalen.csv"'
    assert response.headers["link"] == (
        '<https://creativecommons.org/licenses/by/4.0/deed.nl>; rel="license"'
    )
    assert response.headers["cache-control"].startswith("public")
    rows = csv_rows(response)
    assert {int(r["id"]) for r in rows} == set(
        db.scalars(select(Signal.id).where(Signal.is_public.is_(True)))
    )
    assert str(private["id"]) not in {r["id"] for r in rows}
    assert private["titel"] not in response.text

    row = next(r for r in rows if r["id"] == str(public["id"]))
    stored = db.get_one(Signal, public["id"])
    population = db.scalars(
        select(Municipality.population).where(Municipality.code.in_(behind))
    ).all()
    assert row == {
        "id": str(stored.id),
        "titel": stored.title,
        "soort": "ict-en-leveranciers",
        "status": "reactie-ontvangen",
        "maatregelen": "M01",
        "aantal_gemeenten": str(len(behind)),
        "aantal_inwoners": str(sum(population)),
        "doorgezet_aan": "spoor-2",
        "doorgezet_op": stored.passed_on_at.isoformat(timespec="seconds")
        if stored.passed_on_at
        else "",
        # Guarded: a spreadsheet shows the text and runs nothing.
        "reactie": "'" + FORMULA,
        "uitkomst": "handreiking",
        "reactie_op": stored.responded_at.isoformat(timespec="seconds")
        if stored.responded_at
        else "",
        "aangemaakt_op": stored.created_at.isoformat(timespec="seconds"),
    }
    assert len(behind) == 5, "the reporter, three blockers and a backer"
    for leak in _names_and_addresses(db, [UTRECHT, BOLLENSTREEK]):
        assert leak not in response.text
    names = db.scalars(select(Municipality.name).where(Municipality.code.in_(behind))).all()
    for name in names:
        assert name not in row["titel"] + row["reactie"]
    assert not re.search(r"GM\d{4}", response.text), "no municipality code at all"


async def test_the_csv_is_built_once_per_version_and_answers_304(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    first = await client.get(CSV_URL)
    etag = first.headers["etag"]
    again = await client.get(CSV_URL, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert (await client.get(CSV_URL)).content == first.content
    # Publishing a signal raises the register's version: a new tag, a new file.
    e = await editor(clients)
    signal = await report(e, titel="Nieuw openbaar signaal over de giftenvrijlating")
    await publish(e, signal["id"])
    changed = await client.get(CSV_URL, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert str(signal["id"]) in {r["id"] for r in csv_rows(changed)}


async def test_the_csv_and_feed_refuse_what_the_client_does_not_take(
    client: httpx.AsyncClient,
) -> None:
    json_only = {"Accept": "application/json"}
    assert (await client.get(CSV_URL, headers=json_only)).status_code == 406
    assert (await client.get(FEED_URL, headers=json_only)).status_code == 406
    assert (await client.get(CSV_URL, headers={"Accept": "text/*"})).status_code == 200
    assert (await client.get(CSV_URL, params={"formaat": "json"})).status_code == 400


def _place(db: Session, signal_id: object, responded: datetime, fed_back: bool = False) -> None:
    signal = db.get_one(Signal, signal_id)
    signal.responded_at = responded
    if fed_back:
        signal.fed_back_at = signal.closed_at = responded.replace(day=responded.day + 1)
    db.flush()


def _entries(response: httpx.Response) -> tuple[ElementTree.Element, list[ElementTree.Element]]:
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def _signal_id(entry: ElementTree.Element) -> int:
    found = re.search(r"/openbare-signalen/(\d+)#reactie$", entry.findtext(f"{ATOM}id") or "")
    assert found, entry.findtext(f"{ATOM}id")
    return int(found.group(1))


async def test_the_feed_holds_public_responses_newest_first(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    e, older, behind = await _public_with_evidence(clients, db)
    await respond(e, older["id"], "Spoor 2 neemt de rekenregels mee in de herziening.")
    newer = await report(e, titel="Divosa maakt een handreiking voor de vrijlating")
    await publish(e, newer["id"])
    await respond(
        e,
        newer["id"],
        "De handreiking verschijnt in het voorjaar.",
        toelichting="Een rekenvoorbeeld per situatie.",
    )
    fed_back = await move(e, newer["id"], "teruggekoppeld")
    assert fed_back.status_code == 200, fed_back.text
    waiting = await report(e, titel="Doorgezet maar nog zonder reactie")
    await publish(e, waiting["id"])
    await move(e, waiting["id"], "in-behandeling")
    await move(e, waiting["id"], "doorgezet", **REQUIRED["doorgezet"])
    private = await report(e, titel="Een reactie die binnen het team blijft")
    await respond(e, private["id"], "Alleen voor het team.")
    _place(db, older["id"], datetime(2099, 3, 1, 9, tzinfo=UTC))
    _place(db, newer["id"], datetime(2099, 4, 1, 9, tzinfo=UTC), fed_back=True)

    response = await client.get(FEED_URL, headers={"Accept": "application/atom+xml"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    root, entries = _entries(response)
    answered = db.scalars(
        select(Signal).where(
            Signal.is_public.is_(True),
            Signal.status.in_([SignalStatus.RESPONDED, SignalStatus.FED_BACK]),
        )
    ).all()
    newest_first = sorted(answered, key=lambda s: (s.responded_at, s.id), reverse=True)
    assert [_signal_id(x) for x in entries] == [s.id for s in newest_first][:50]
    assert [_signal_id(x) for x in entries][:2] == [newer["id"], older["id"]]
    assert root.findtext(f"{ATOM}updated") == "2099-04-02T09:00:00+00:00"

    first = entries[0]
    assert first.findtext(f"{ATOM}title") == newer["titel"]
    assert first.findtext(f"{ATOM}published") == "2099-04-01T09:00:00+00:00"
    content = first.findtext(f"{ATOM}content") or ""
    assert "De handreiking verschijnt in het voorjaar." in content
    assert "Een rekenvoorbeeld per situatie." in content
    summary = first.findtext(f"{ATOM}summary") or ""
    assert "een handreiking" in summary
    assert "Teruggekoppeld" in summary
    link = first.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href", "").endswith(f"/openbare-signalen/{newer['id']}")
    assert {c.get("term") for c in first.findall(f"{ATOM}category")} == {
        "ict-en-leveranciers",
        "M01",
    }

    ids = {_signal_id(x) for x in entries}
    assert waiting["id"] not in ids
    assert private["id"] not in ids
    assert "Alleen voor het team." not in response.text
    for leak in _names_and_addresses(db, [UTRECHT, BOLLENSTREEK]):
        assert leak not in response.text
    for code in behind:
        assert code not in response.text


async def test_the_feed_answers_304_until_a_response_comes(
    clients: object, client: httpx.AsyncClient
) -> None:
    first = await client.get(FEED_URL)
    assert first.status_code == 200
    etag = first.headers["etag"]
    again = await client.get(FEED_URL, headers={"If-None-Match": etag})
    assert again.status_code == 304
    e = await editor(clients)
    signal = await report(e, titel="Een reactie die de feed vernieuwt")
    await publish(e, signal["id"])
    await respond(e, signal["id"], "De leverancier levert de koppeling in maart.")
    changed = await client.get(FEED_URL, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert signal["id"] in {_signal_id(x) for x in _entries(changed)[1]}


async def test_a_write_to_the_register_raises_its_version_once(
    clients: object, db: Session
) -> None:
    before = data_versions.current(db)
    e = await editor(clients)
    signal = await report(e)
    after_report = data_versions.current(db)
    assert after_report[SIGNALS] == before[SIGNALS] + 1
    assert (after_report[REFERENCE], after_report[PROGRESS]) == (
        before[REFERENCE],
        before[PROGRESS],
    )
    # One change that locks the signal, writes it and appends to its history: once.
    await publish(e, signal["id"])
    assert data_versions.current(db)[SIGNALS] == after_report[SIGNALS] + 1
    await e.get(f"/api/v1/signalen/{signal['id']}")
    assert data_versions.current(db)[SIGNALS] == after_report[SIGNALS] + 1, "a read raises nothing"
