"""Publishing answered questions as a public FAQ: anonymised, versioned, searchable, carried in
the catalogue as each measure's Q&A product, with askers told about changes."""

from pathlib import Path

import httpx

from tests.auth import mails
from tests.questions.helpers import answer, ask, contact, editor, log_call

FAQ = {
    "vraag": "Hoeveel giften mag een bijstandsgerechtigde per jaar ontvangen?",
    "antwoord": "Giften tot het vrijgelaten bedrag per kalenderjaar tellen niet mee als middelen.",
    "maatregelen": ["M01"],
    "wetsartikelen": ["Participatiewet, artikel 31, tweede lid, onderdeel m"],
}


async def _answered_call(e: httpx.AsyncClient) -> dict[str, object]:
    q = await log_call(
        e,
        vraag="Petra Jansen van Utrecht vraagt (bel 06-12345678 of mail "
        "p.jansen@voorbeeldgemeente.example) hoe de giftenvrijlating werkt.",
    )
    await answer(e, q["id"], "Beste Petra Jansen, in Utrecht geldt de nieuwe vrijlating.")
    return q


async def test_publication_refuses_personal_data_and_the_proposal_removes_it(
    clients: object,
) -> None:
    e = await editor(clients)
    q = await _answered_call(e)
    proposal = (await e.get(f"/api/v1/vragen/{q['id']}/faq-voorstel")).json()
    for leaked in ("Petra", "Jansen", "06-12345678", "p.jansen@", "Utrecht"):
        assert leaked not in proposal["vraag"] + proposal["antwoord"]
    assert {"Petra Jansen", "06-12345678", "Utrecht"} <= set(proposal["vervangen"])
    raw = {**FAQ, "vraag": "Wat vroeg Petra Jansen uit Utrecht?", "vragen": [q["id"]]}
    refused = await e.post("/api/v1/faq", json=raw)
    assert refused.status_code == 400
    reasons = " ".join(p["reason"] for p in refused.json()["invalidParams"])
    assert "naam" in reasons
    assert "gemeente" in reasons
    mailed = await e.post(
        "/api/v1/faq", json={**FAQ, "antwoord": FAQ["antwoord"] + " Vragen? info@vng.example"}
    )
    assert mailed.status_code == 400
    named = {**FAQ, "vraag": "Hoe doet Utrecht de giftenvrijlating?", "vragen": [q["id"]]}
    allowed = await e.post("/api/v1/faq", json={**named, "gemeenteNoemen": True})
    assert allowed.status_code == 201, allowed.text
    assert (await e.get("/api/v1/faq")).json()["paginering"]["totaal"] >= 1


async def test_only_answered_questions_become_faq(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    response = await e.post("/api/v1/faq", json={**FAQ, "vragen": [q["id"], 99999999]})
    assert response.status_code == 400
    assert len(response.json()["invalidParams"]) == 2
    beyond_ids = await e.post("/api/v1/faq", json={**FAQ, "vragen": [2**31]})
    assert beyond_ids.status_code == 400, beyond_ids.text
    assert [p["name"][:6] for p in beyond_ids.json()["invalidParams"]] == ["vragen"]


async def test_the_public_faq_shows_no_personal_data(clients: object) -> None:
    e = await editor(clients)
    q = await _answered_call(e)
    created = await e.post("/api/v1/faq", json={**FAQ, "vragen": [q["id"]]})
    assert created.status_code == 201, created.text
    public: httpx.AsyncClient = clients()  # type: ignore[operator]
    listed = await public.get("/api/v1/faq", params={"maatregel": "M01"})
    one = await public.get(f"/api/v1/faq/{created.json()['id']}")
    versions = await public.get(f"/api/v1/faq/{created.json()['id']}/versies")
    for response in (listed, one, versions):
        assert response.status_code == 200
        for leaked in ("Petra", "Jansen", "voorbeeldgemeente", "06-1234", "vragensteller"):
            assert leaked not in response.text
    assert one.json()["wetsartikelen"] == FAQ["wetsartikelen"]
    assert listed.headers["cache-control"].startswith("public, ")
    vary = {v.strip() for v in listed.headers["vary"].split(",")}
    assert {"Authorization", "Cookie"} <= vary, "a signed-in team sees more"
    again = await public.get(
        "/api/v1/faq",
        params={"maatregel": "M01"},
        headers={"If-None-Match": listed.headers["etag"]},
    )
    assert again.status_code == 304


async def test_a_new_version_keeps_the_old_one_and_can_tell_the_askers(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    await answer(e, q["id"], "Zo werkt het.")
    entry = (await e.post("/api/v1/faq", json={**FAQ, "vragen": [q["id"]]})).json()
    before = len(mails(tmp_path / "outbox"))
    changed = await e.put(
        f"/api/v1/faq/{entry['id']}",
        json={
            **FAQ,
            "antwoord": "Het vrijgelaten bedrag is per 1 januari verhoogd.",
            "wijzigingsnotitie": "Bedrag bijgewerkt",
            "vragenstellersInformeren": True,
        },
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["versie"] == 2
    versions = (await c.get(f"/api/v1/faq/{entry['id']}/versies")).json()["resultaten"]
    assert [v["versie"] for v in versions] == [1, 2]
    assert versions[0]["antwoord"] == FAQ["antwoord"]
    [notice] = mails(tmp_path / "outbox")[before:]
    assert notice["To"] == "utrecht@demo.spoorboek.example"
    assert "Bedrag bijgewerkt" in notice.get_content()
    quiet = await e.put(
        f"/api/v1/faq/{entry['id']}",
        json={**FAQ, "wijzigingsnotitie": "Tikfout"},
    )
    assert quiet.status_code == 200
    assert len(mails(tmp_path / "outbox")) == before + 1


async def test_a_measure_faq_is_its_q_and_a_product_in_the_catalogue(clients: object) -> None:
    e = await editor(clients)
    public: httpx.AsyncClient = clients()  # type: ignore[operator]
    params = {"soort": "vraag-en-antwoord", "maatregel": "M23"}
    await e.post("/api/v1/faq", json={**FAQ, "maatregelen": ["M23"]})
    await e.post("/api/v1/faq", json={**FAQ, "maatregelen": ["M23"]})
    entries = (await public.get("/api/v1/faq", params={"maatregel": "M23"})).json()
    count = entries["paginering"]["totaal"]
    products = (await public.get("/api/v1/producten", params=params)).json()["resultaten"]
    [product] = [p for p in products if p["titel"].startswith("Vragen en antwoorden:")]
    assert product["status"] == "gepubliceerd"
    assert f"{count} veelgestelde vragen" in product["samenvatting"]
    for entry in entries["resultaten"]:
        withdrawn = await e.post(
            f"/api/v1/faq/{entry['id']}/intrekking", json={"toelichting": "Vervallen"}
        )
        assert withdrawn.status_code == 200
    first = entries["resultaten"][0]
    assert (await public.get(f"/api/v1/faq/{first['id']}")).status_code == 404
    assert (await e.get(f"/api/v1/faq/{first['id']}")).json()["status"] == "ingetrokken"
    after = (await public.get("/api/v1/producten", params=params)).json()["resultaten"]
    assert product["id"] not in {p["id"] for p in after}
    changes = (await e.get(f"/api/v1/producten/{product['id']}/geschiedenis")).json()
    assert changes["resultaten"][-1]["soort"] == "status:ingetrokken"
    again = await e.post(f"/api/v1/faq/{first['id']}/intrekking", json={"toelichting": "Nogmaals"})
    assert again.status_code == 409
    # A new entry after the withdrawal brings a new product: withdrawal is final.
    await e.post("/api/v1/faq", json={**FAQ, "maatregelen": ["M23"]})
    renewed = (await public.get("/api/v1/producten", params=params)).json()["resultaten"]
    [new] = [p for p in renewed if p["titel"].startswith("Vragen en antwoorden:")]
    assert new["id"] != product["id"]
    assert "1 veelgestelde vraag " in new["samenvatting"]


async def test_a_question_closed_without_an_answer_cannot_become_faq(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    await e.post(
        f"/api/v1/vragen/{q['id']}/statuswijzigingen",
        json={"naar": "gesloten", "toelichting": "Geen vraag."},
    )
    response = await e.post("/api/v1/faq", json={**FAQ, "vragen": [q["id"]]})
    assert response.status_code == 400
    withdrawn = (await e.post("/api/v1/faq", json=FAQ)).json()
    await e.post(f"/api/v1/faq/{withdrawn['id']}/intrekking", json={"toelichting": "Verouderd"})
    seen = await e.get(f"/api/v1/faq/{withdrawn['id']}")
    assert seen.json()["redenIntrekking"] == "Verouderd"
    assert seen.headers["cache-control"] == "private, no-cache"


async def test_publishing_is_in_the_history_and_the_inbox_finds_what_is_not_yet_faq(
    clients: object,
) -> None:
    e = await editor(clients)
    q = await log_call(e, maatregelen=["M07"])
    await answer(e, q["id"], "Het antwoord.")

    async def ids(faq: str) -> list[int]:
        params = {"faq": faq, "maatregel": "M07", "paginaGrootte": 100}
        return [
            r["id"] for r in (await e.get("/api/v1/vragen", params=params)).json()["resultaten"]
        ]

    assert q["id"] in await ids("zonder")
    entry = (await e.post("/api/v1/faq", json={**FAQ, "vragen": [q["id"]]})).json()
    assert q["id"] in await ids("met")
    assert q["id"] not in await ids("zonder")
    history = (await e.get(f"/api/v1/vragen/{q['id']}/geschiedenis")).json()["resultaten"]
    assert history[-1]["soort"] == "faq-gepubliceerd"
    assert history[-1]["details"] == {"faq": entry["id"]}
