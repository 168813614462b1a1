"""Filing questions and who may see them: a contact only her own, the team all, machines and
the public none. Someone else's question answers like a missing one."""

from pathlib import Path

import httpx

from tests.auth import BOLLENSTREEK, PARTNER, SCRIPT, login, machine_token, mails
from tests.products.helpers import PDF
from tests.questions.helpers import ask, contact, editor, log_call


async def test_a_contact_files_her_own_question_through_the_web_form(
    clients: object, tmp_path: Path
) -> None:
    c = await contact(clients)
    q = await ask(c)
    assert q["kanaal"] == "webformulier"
    assert q["status"] == "nieuw"
    assert q["gemeente"]["code"] == "GM0344"
    assert q["vragensteller"]["email"] == "utrecht@demo.spoorboek.example"
    assert q["mogelijkeOvergangen"] == []
    [receipt] = mails(tmp_path / "outbox")
    assert receipt["To"] == "utrecht@demo.spoorboek.example"
    assert q["termijn"][8:10] + "-" + q["termijn"][5:7] in receipt.get_content()


async def test_a_contact_cannot_pose_as_someone_else(clients: object) -> None:
    c = await contact(clients)
    response = await c.post(
        "/api/v1/vragen",
        json={
            "onderwerp": "Namens een ander",
            "vraag": "Een vraag die iemand anders stelde, zogenaamd.",
            "kanaal": "telefoon",
            "vragensteller": {"naam": "Iemand Anders"},
            "ontvangenOp": "2026-01-01T10:00:00+01:00",
            "gemeente": "GM0363",
        },
    )
    assert response.status_code == 400
    names = sorted(p["name"] for p in response.json()["invalidParams"])
    assert names == ["gemeente", "kanaal", "ontvangenOp", "vragensteller"]


async def test_a_shared_service_contact_chooses_one_of_her_municipalities(clients: object) -> None:
    c: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(c, BOLLENSTREEK)
    body = {"onderwerp": "Welke gemeente", "vraag": "Een vraag voor een van onze gemeenten."}
    missing = await c.post("/api/v1/vragen", json=body)
    assert [p["name"] for p in missing.json()["invalidParams"]] == ["gemeente"]
    chosen = await c.post("/api/v1/vragen", json={**body, "gemeente": "GM0534"})
    assert chosen.status_code == 201
    assert chosen.json()["gemeente"]["code"] == "GM0534"


async def test_an_editor_must_say_how_and_from_whom_a_question_came(clients: object) -> None:
    e = await editor(clients)
    response = await e.post(
        "/api/v1/vragen",
        json={
            "onderwerp": "Telefoontje",
            "vraag": "Iemand belde over de giftenvrijlating.",
            "maatregelen": ["M01", "M77"],
            "ontvangenOp": "2099-01-01T10:00:00+01:00",
        },
    )
    assert response.status_code == 400
    names = sorted(p["name"] for p in response.json()["invalidParams"])
    assert names == ["kanaal", "maatregelen", "ontvangenOp", "vragensteller"]
    logged = await log_call(e)
    assert logged["kanaal"] == "telefoon"
    assert logged["vragensteller"]["naam"] == "Petra Jansen"


async def test_contacts_see_only_their_own_questions(clients: object) -> None:
    e = await editor(clients)
    c = await contact(clients)
    other = await log_call(e)
    own = await ask(c)
    listed = (await c.get("/api/v1/vragen", params={"paginaGrootte": 100})).json()["resultaten"]
    assert own["id"] in [q["id"] for q in listed]
    assert other["id"] not in [q["id"] for q in listed]
    assert {q["vrager"] for q in listed} == {own["vragensteller"]["naam"]}
    missing = await c.get(f"/api/v1/vragen/{other['id']}")
    assert missing.status_code == 404
    assert missing.json()["detail"] == (await c.get("/api/v1/vragen/99999999")).json()[
        "detail"
    ].replace("99999999", str(other["id"]))
    # Team-only operations are refused outright.
    for response in [
        await c.post(f"/api/v1/vragen/{own['id']}/statuswijzigingen", json={"naar": "beoordeeld"}),
        await c.patch(f"/api/v1/vragen/{own['id']}", json={"onderwerp": "Anders"}),
        await c.get("/api/v1/vragen/werkvoorraad"),
        await c.get("/api/v1/vragen/inzicht"),
        await c.get("/api/v1/vragen/clusters"),
        await c.get(f"/api/v1/vragen/{own['id']}/faq-voorstel"),
        await c.post("/api/v1/vragenstellers/wissingen", json={"email": "a@b.example"}),
    ]:
        assert response.status_code == 403, response.request.url


async def test_the_public_and_machines_have_no_access_to_questions(clients: object) -> None:
    anonymous: httpx.AsyncClient = clients()  # type: ignore[operator]
    assert (await anonymous.get("/api/v1/vragen")).status_code == 401
    assert (await anonymous.get("/api/v1/vragen/vergelijkbaar?tekst=giften")).status_code == 401
    for demo_client in (PARTNER, SCRIPT):
        machine: httpx.AsyncClient = clients()  # type: ignore[operator]
        token = await machine_token(machine, demo_client.client_id, demo_client.secret)
        response = await machine.get("/api/v1/vragen", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 403


async def test_inbox_filters_and_due_lists(clients: object) -> None:
    e = await editor(clients)
    late = await log_call(e, ontvangenOp="2026-01-05T09:00:00+01:00", maatregelen=["M03"])
    fresh = await log_call(e, maatregelen=["M03"])
    wide = {"maatregel": "M03", "paginaGrootte": 100}

    async def ids(**params: object) -> list[int]:
        response = await e.get("/api/v1/vragen", params={**wide, **params})
        assert response.status_code == 200, response.text
        return [q["id"] for q in response.json()["resultaten"]]

    found = await ids()
    assert found.index(late["id"]) < found.index(fresh["id"])  # by due date
    overdue = await ids(termijn="verlopen")
    assert late["id"] in overdue
    assert fresh["id"] not in overdue
    assert {late["id"], fresh["id"]} <= set(await ids(behandelaar="niemand"))
    assert late["id"] not in await ids(behandelaar="mij")
    bad = await e.get("/api/v1/vragen", params={"sorteer": "onzin", "maatregel": "M99"})
    assert bad.status_code == 400
    assert sorted(p["name"] for p in bad.json()["invalidParams"]) == ["maatregel", "sorteer"]
    workload = (await e.get("/api/v1/vragen/werkvoorraad")).json()["resultaten"]
    unassigned = next(r for r in workload if r["behandelaar"] is None)
    assert unassigned["verlopen"] >= 1
    assert unassigned["open"] >= 2


async def test_attachments_are_checked_by_content_and_only_for_asker_and_team(
    clients: object,
) -> None:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    files = {"bestand": ("besluit.pdf", PDF, "application/pdf")}
    added = await c.post(f"/api/v1/vragen/{q['id']}/bijlagen", files=files)
    assert added.status_code == 201, added.text
    fake = {"bestand": ("virus.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")}
    assert (await c.post(f"/api/v1/vragen/{q['id']}/bijlagen", files=fake)).status_code == 415
    href = added.json()["href"]
    for reader in (c, e):
        download = await reader.get(href)
        assert download.status_code == 200
        assert download.content == PDF
    other = await log_call(e)
    assert (await c.post(f"/api/v1/vragen/{other['id']}/bijlagen", files=files)).status_code == 404
    stranger: httpx.AsyncClient = clients()  # type: ignore[operator]
    assert (await stranger.get(href)).status_code == 401


async def test_a_moment_without_time_zone_is_a_clear_400(clients: object) -> None:
    e = await editor(clients)
    response = await e.post(
        "/api/v1/vragen",
        json={
            "onderwerp": "Telefoontje",
            "vraag": "Iemand belde over de giftenvrijlating.",
            "kanaal": "telefoon",
            "vragensteller": {"naam": "Iemand"},
            "ontvangenOp": "2026-03-01T10:00:00",
        },
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"].endswith("ontvangenOp")
