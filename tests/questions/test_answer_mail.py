"""The answer mail reaches every asker: one without an account reads the answer in the mail
itself, and every asker reads only her own question, merged duplicates included."""

from email.message import EmailMessage
from pathlib import Path

from tests.auth import mails
from tests.questions.helpers import answer, ask, contact, editor, log_call, move

PHONE_QUESTION = "Mag de gemeente de giftenvrijlating per huishouden toepassen?"
WEB_QUESTION = "Hoe passen wij de nieuwe vrijlating van giften toe bij een bijstandsuitkering?"
ANSWER = "De vrijlating geldt per persoon, niet per huishouden."


def _answers_to(outbox: Path, address: str) -> list[EmailMessage]:
    return [m for m in mails(outbox) if m["To"] == address and m["Subject"].startswith("Antwoord")]


async def test_an_asker_without_an_account_reads_question_and_answer_in_the_mail(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    q = await log_call(e, vraag=PHONE_QUESTION)
    await answer(e, q["id"], ANSWER)
    [mail] = _answers_to(tmp_path / "outbox", "p.jansen@voorbeeldgemeente.example")
    body = mail.get_content()
    assert PHONE_QUESTION in body
    assert ANSWER in body
    # She has no account, so a link to the signed-in pages would lead her nowhere; the only
    # links are the rating's, which work without logging in.
    assert "/mijn-vragen/" not in body
    links = [line for line in body.splitlines() if "http" in line]
    assert len(links) == 5
    assert all("/antwoord-beoordelen?token=" in line for line in links)


async def test_an_asker_with_an_account_also_gets_the_link_to_her_question(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    await answer(e, q["id"], ANSWER)
    [mail] = _answers_to(tmp_path / "outbox", "utrecht@demo.spoorboek.example")
    body = mail.get_content()
    assert WEB_QUESTION in body
    assert ANSWER in body
    assert f"/mijn-vragen/{q['id']}" in body


async def test_merged_askers_each_read_their_own_question_and_no_one_elses_name(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    main = await log_call(e, vraag=PHONE_QUESTION)
    other = "Geldt de vrijlating van giften voor iedereen in het huishouden apart?"
    duplicate = await log_call(
        e,
        vraag=other,
        vragensteller={"naam": "Kees de Laat", "email": "k.laat@gemeente.example"},
    )
    merged = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": duplicate["id"]}
    )
    assert merged.status_code == 200, merged.text
    await answer(
        e, main["id"], f"Beste Petra Jansen, {ANSWER} Mail p.jansen@voorbeeldgemeente.example"
    )
    outbox = tmp_path / "outbox"
    [to_main] = _answers_to(outbox, "p.jansen@voorbeeldgemeente.example")
    [to_duplicate] = _answers_to(outbox, "k.laat@gemeente.example")
    assert PHONE_QUESTION in to_main.get_content()
    assert other not in to_main.get_content()
    assert "Kees" not in to_main.get_content()
    kees = to_duplicate.get_content()
    assert other in kees
    assert ANSWER in kees
    for leaked in (PHONE_QUESTION, "Petra", "Jansen", "p.jansen@"):
        assert leaked not in kees
    assert f"nummer {duplicate['id']}" in kees


async def test_a_duplicate_merged_after_the_answer_gets_it_with_her_own_question(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    main = await log_call(e, vraag=PHONE_QUESTION)
    await answer(e, main["id"], f"Mevrouw Jansen, {ANSWER}")
    assert (await move(e, main["id"], "gesloten")).status_code == 200
    late_question = "Telt een gift van de buren ook mee voor de vrijlating?"
    late = await log_call(
        e,
        vraag=late_question,
        vragensteller={"naam": "Kees Laat", "email": "k.laat@gemeente.example"},
    )
    merged = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": late["id"]}
    )
    assert merged.status_code == 200, merged.text
    [mail] = _answers_to(tmp_path / "outbox", "k.laat@gemeente.example")
    body = mail.get_content()
    assert late_question in body
    assert ANSWER in body
    assert PHONE_QUESTION not in body
    assert "Jansen" not in body
    assert "/mijn-vragen/" not in body
