"""The personal-data check of the FAQ, with the ways Dutch texts write telephone numbers and
names, and the ordinary numbers of FAQ texts that are no personal data."""

import httpx
import pytest

from api.questions import anonymity
from tests.questions.helpers import answer, editor, log_call

PHONE_NUMBERS = [
    "(030) 286 00 00",
    "030 - 286 00 00",
    "+31 (0)30 286 00 00",
    "+31 (0) 6 12 34 56 78",
    "+31(0)6-12345678",
    "+31 30 286 00 00",
    "+31 6 1234 5678",
    "0031 6 12345678",
    "0031-6-12345678",
    "0031302860000",
    "06-12345678",
    "06 - 1234 5678",
    "06 12 34 56 78",
    "06.12.34.56.78",
    "06/12345678",
    "0612 345 678",
    "0612345678",
    "(06) 12 34 56 78",
    "030 123 4567",
    "030-2860000",
    "0302860000",
    "070 - 123 45 67",
    "020-1234567",
    "085-1234567",
    "088 123 4567",
    "0800-1234",
    "0800 1234567",
    "0900-8844",
    "+49 30 1234567",
]

ORDINARY_NUMBERS = [
    "artikel 31",
    "artikel 31, tweede lid, onderdeel m",
    "Pw 31(2)(m)",
    "€ 1.234,56",
    "€ 12.345,00",
    "€ 1.234.567,89",
    "300.000 huishoudens",
    "1 januari 2026",
    "13-05-2026",
    "13.05.2026",
    "2026-05-13",
    "01-01-2026 om 10:00",
    "2026",
    "2025-2026",
    "2026/2027",
    "Kamerstukken II 2024/25, 36 123, nr. 3",
    "Stcrt. 2025, 12345",
    "ECLI:NL:CRVB:2023:1234",
    "10 werkdagen",
    "Postbus 16375, 2500 BJ Den Haag",
    "3511 AB Utrecht",
    "KvK 30285304",
    "NL91 ABNA 0417 1643 00",
]

SALUTED_NAMES = [
    ("Mevrouw De Vries belde.", "De Vries"),
    ("Toen zei meneer van der Berg dat het kon.", "van der Berg"),
    ("Zie de brief van mevr. de Jong, ", "de Jong"),
    ("Volgens dhr. Van 't Hek mag dat.", "Van 't Hek"),
    ("Dat vroeg de heer El Amrani.", "El Amrani"),
    ("Geachte heer Jansen-Smit,", "Jansen-Smit"),
    ("Mijnheer Öztürk heeft gebeld.", "Öztürk"),
    ("Mevrouw mr. A.B. ter Horst schreef.", "mr. A.B. ter Horst"),
    ("Het advies van dr. Bakker volgt.", "Bakker"),
    ("Ik sprak mw. Yilmaz gisteren.", "Yilmaz"),
]

NO_NAMES = [
    "Een mevrouw belde over de giftenvrijlating.",
    "Geachte heer of mevrouw,",
    "Dank u, mevrouw. Het antwoord volgt.",
    "De heerlijkheid Utrecht bestaat niet meer.",
    "Mevrouw de wethouder heeft besloten.",
    "Meneer vroeg hoe het zit.",
    "Mevrouw is. Daarna belde niemand.",
]


def _phones(text: str) -> list[str]:
    return [f.text for f in anonymity.findings(text, [], []) if f.kind == "telefoonnummer"]


@pytest.mark.engine_neutral
@pytest.mark.parametrize("number", PHONE_NUMBERS)
def test_dutch_ways_of_writing_a_phone_number_are_found_and_replaced(number: str) -> None:
    text = f"Bel {number} als u vragen heeft."
    assert _phones(text) == [number]
    anonymised, replaced = anonymity.anonymise(text, [], [])
    assert anonymised == "Bel [telefoonnummer] als u vragen heeft."
    assert replaced == [number]


@pytest.mark.engine_neutral
@pytest.mark.parametrize("text", ORDINARY_NUMBERS)
def test_ordinary_numbers_in_faq_texts_are_no_phone_numbers(text: str) -> None:
    sentence = f"Zie {text} voor de regels."
    assert anonymity.findings(sentence, [], []) == []
    assert anonymity.anonymise(sentence, [], []) == (sentence, [])


@pytest.mark.engine_neutral
@pytest.mark.parametrize(("text", "name"), SALUTED_NAMES)
def test_a_name_after_a_salutation_is_found_and_replaced(text: str, name: str) -> None:
    found = [f.text for f in anonymity.findings(text, [], []) if f.kind == "naam"]
    assert len(found) == 1
    assert found[0].endswith(name)
    anonymised, replaced = anonymity.anonymise(text, [], [])
    assert name not in anonymised
    assert "[naam]" in anonymised
    assert replaced == [name]


@pytest.mark.engine_neutral
@pytest.mark.parametrize("text", NO_NAMES)
def test_a_salutation_without_a_name_is_no_finding(text: str) -> None:
    assert anonymity.findings(text, [], []) == []
    assert anonymity.anonymise(text, [], []) == (text, [])


@pytest.mark.engine_neutral
def test_the_salutation_stays_and_the_askers_name_is_replaced_once() -> None:
    text = "Mevrouw De Vries (Petra de Vries) vroeg het."
    anonymised, _ = anonymity.anonymise(text, ["Petra de Vries"], [])
    assert anonymised == "Mevrouw [naam] ([naam]) vroeg het."


@pytest.mark.engine_neutral
def test_without_people_keeps_other_numbers_and_addresses() -> None:
    text = "Beste Petra Jansen (P.Jansen@gemeente.example), bel de helpdesk: 0800-1234."
    assert anonymity.without_people(text, ["Petra Jansen"], ["p.jansen@gemeente.example"]) == (
        "Beste [naam] ([e-mailadres]), bel de helpdesk: 0800-1234."
    )


async def test_publication_names_each_spelling_that_still_holds_personal_data(
    clients: object,
) -> None:
    e: httpx.AsyncClient = await editor(clients)
    q = await log_call(e)
    await answer(e, q["id"], "De vrijlating geldt per persoon, niet per huishouden.")
    body = {
        "vraag": "Mevrouw De Vries vraagt: geldt de vrijlating van giften per persoon?",
        "antwoord": "Ja, per persoon; zie artikel 31 en bel (030) 286 00 00 met vragen.",
        "maatregelen": ["M01"],
        "vragen": [q["id"]],
    }
    refused = await e.post("/api/v1/faq", json=body)
    assert refused.status_code == 400
    problems = {(p["name"], p["reason"]) for p in refused.json()["invalidParams"]}
    assert problems == {
        ("vraag", "Bevat een naam ('Mevrouw De Vries'); anonimiseer de tekst."),
        ("antwoord", "Bevat een telefoonnummer ('(030) 286 00 00'); anonimiseer de tekst."),
    }
    clean = {
        **body,
        "vraag": "Geldt de vrijlating van giften per persoon of per huishouden?",
        "antwoord": "Per persoon; zie artikel 31, tweede lid, en de brief van 13-05-2026.",
    }
    published = await e.post("/api/v1/faq", json=clean)
    assert published.status_code == 201, published.text


async def test_the_proposal_replaces_every_spelling(clients: object) -> None:
    e: httpx.AsyncClient = await editor(clients)
    q = await log_call(
        e,
        vraag="Mevrouw De Vries (bel +31 (0)30 286 00 00) vraagt of de vrijlating per persoon is.",
    )
    await answer(e, q["id"], "Ja, meneer van der Berg bevestigde het; bel 030 - 286 00 00.")
    proposal = (await e.get(f"/api/v1/vragen/{q['id']}/faq-voorstel")).json()
    assert proposal["vraag"] == (
        "Mevrouw [naam] (bel [telefoonnummer]) vraagt of de vrijlating per persoon is."
    )
    assert proposal["antwoord"] == "Ja, meneer [naam] bevestigde het; bel [telefoonnummer]."
    assert {"De Vries", "+31 (0)30 286 00 00", "van der Berg", "030 - 286 00 00"} <= set(
        proposal["vervangen"]
    )
