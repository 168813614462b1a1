"""A signal about ICT names the software supplier it concerns: checked to be a supplier, shown
with its name, filtered on, and dropped when the signal is no longer about ICT."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.signals.models import Signal
from tests.signals.helpers import editor, report, utrecht

SUPPLIER = "demo-rekenwerk"


async def test_a_signal_names_its_supplier_and_the_register_filters_on_it(
    clients: object, db: Session
) -> None:
    e, contact = await editor(clients), await utrecht(clients)
    named = await report(contact, leverancier=SUPPLIER)
    assert named["leverancier"] == {"code": SUPPLIER, "naam": "Rekenwerk Software (demo)"}
    other = await report(e, leverancier="demo-tulpdata")
    plain = await report(e)
    assert plain["leverancier"] is None

    # Not a supplier, unknown, or a signal not about ICT: 400, and nothing is made.
    count = db.scalar(select(func.count()).select_from(Signal))
    for body, code in (
        ({"leverancier": "divosa"}, "not_a_supplier"),
        ({"leverancier": "bestaat-niet"}, "unknown_value"),
        ({"leverancier": SUPPLIER, "soort": "financien"}, "not_allowed"),
    ):
        refused = await e.post(
            "/api/v1/signalen",
            json={
                "titel": "Leverancier levert te laat",
                "omschrijving": "De release komt na de ingangsdatum van de maatregel.",
                "soort": "ict-en-leveranciers",
                **body,
            },
        )
        assert refused.status_code == 400, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert [(p["name"], p["code"]) for p in refused.json()["invalidParams"]] == [
            ("leverancier", code)
        ]
    assert db.scalar(select(func.count()).select_from(Signal)) == count

    # The register by supplier: the team sees every signal naming it, a contact her own.
    listed = (await e.get("/api/v1/signalen", params={"leverancier": SUPPLIER})).json()
    ids = {s["id"] for s in listed["resultaten"]}
    assert named["id"] in ids
    assert not {other["id"], plain["id"]} & ids
    assert {s["leverancier"]["code"] for s in listed["resultaten"]} == {SUPPLIER}
    assert listed["paginering"]["totaal"] == db.scalar(
        select(func.count()).select_from(Signal).where(Signal.supplier_code == SUPPLIER)
    )
    theirs = (await contact.get("/api/v1/signalen", params={"leverancier": SUPPLIER})).json()
    assert named["id"] in {s["id"] for s in theirs["resultaten"]}
    bad = await e.get("/api/v1/signalen", params={"leverancier": "Geen Code!"})
    assert bad.status_code == 400

    # An editor changes the supplier, refuses a non-supplier, and another kind drops it.
    url = f"/api/v1/signalen/{named['id']}"
    moved = await e.patch(url, json={"leverancier": "demo-tulpdata"})
    assert moved.status_code == 200, moved.text
    assert moved.json()["leverancier"]["code"] == "demo-tulpdata"
    assert (await e.patch(url, json={"leverancier": "vng"})).status_code == 400
    assert (await e.get(url)).json()["leverancier"]["code"] == "demo-tulpdata"
    other_kind = await e.patch(url, json={"soort": "financien"})
    assert other_kind.json()["leverancier"] is None
    history = (await e.get(f"{url}/geschiedenis")).json()["resultaten"]
    assert history[-1]["details"] == {"soort": "financien", "leverancier": None}
    assert history[-2]["details"] == {"leverancier": "demo-tulpdata"}
