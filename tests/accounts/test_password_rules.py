"""New passwords are checked against common and leaked passwords and their Dutch variants, on
every path that sets one; the refusal is a 400 naming the field and saying why."""

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from api.accounts.passwords import password_problems
from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import ADMIN, UTRECHT, link_token, login, mails

LISTED = "Dit wachtwoord staat op een lijst van veelgebruikte of uitgelekte wachtwoorden."
WORD = (
    "Dit wachtwoord is een bekend woord, hooguit met cijfers of tekens ervoor of erachter; "
    "zulke wachtwoorden worden het eerst geraden."
)

REFUSED = [
    # Dutch words with a year or digits and symbols around them
    ("Welkom2026!!", WORD),
    ("Wachtwoord1!", WORD),
    ("welkom123456", WORD),
    ("Zomer2026!!!", WORD),
    ("Voorjaar2027!", WORD),
    ("Januari2026!", WORD),
    ("Maandag12345", WORD),
    ("Gemeente2026!", WORD),
    ("!!2026Welkom", WORD),
    ("W3lk0m2026!!", WORD),
    ("Spoorboek2026", WORD),
    ("Participatiewet", WORD),
    # On the list as it is, in any case
    ("qwertyuiop12", LISTED),
    ("QWERTYUIOP12", LISTED),
    ("LeaveMeAlone", LISTED),
    ("1qaz2wsx3edc", LISTED),
    # Words of the list with digits and symbols added
    ("Password2026!", WORD),
    ("P@ssw0rd1234!", WORD),
    ("Sunshine12345", WORD),
    ("Liverpool2026", WORD),
    ("football!!!!!", WORD),
]

ACCEPTED = [
    "correct-paard-batterij-nietje",
    "Kwartaal-Rapportage-77",
    "Lange-Zin-Voor-Ons-Team-9",
    "vT8#qL2$wZ9!mK4&",
    "Welkom bij de koffieautomaat op dinsdag",
    DEMO_PASSWORD,
]


@pytest.mark.engine_neutral
@pytest.mark.parametrize(("password", "reason"), REFUSED)
def test_common_and_predictable_passwords_are_refused(password: str, reason: str) -> None:
    assert reason in password_problems(password), password


@pytest.mark.engine_neutral
@pytest.mark.parametrize("password", ACCEPTED)
def test_long_unusual_passwords_are_accepted(password: str) -> None:
    assert password_problems(password) == []


@pytest.mark.engine_neutral
def test_digits_and_symbols_alone_are_refused() -> None:
    assert any("cijfers" in p for p in password_problems("20262026!!!!"))
    assert any("cijfers" in p for p in password_problems("123456789012"))


@pytest.mark.engine_neutral
def test_the_list_has_at_least_ten_thousand_entries() -> None:
    from api.accounts.passwords import common_passwords

    assert len(common_passwords()) >= 10_000


async def test_changing_my_password_to_a_dutch_variant_is_refused(
    client: httpx.AsyncClient,
) -> None:
    await login(client, UTRECHT)
    weak = await client.put(
        "/api/v1/mijn-account/wachtwoord",
        json={"huidigWachtwoord": DEMO_PASSWORD, "nieuwWachtwoord": "Welkom2026!!"},
    )
    assert weak.status_code == 400
    assert weak.headers["content-type"] == "application/problem+json"
    assert weak.json()["invalidParams"] == [
        {"name": "nieuwWachtwoord", "in": "body", "code": "weak_password", "reason": WORD}
    ]
    client.headers.pop("X-CSRF-Token")
    client.cookies.clear()
    await login(client, UTRECHT)  # the old password still works: nothing changed


async def test_an_invitation_cannot_set_a_listed_password(
    clients: Callable[[], httpx.AsyncClient], tmp_path: Path
) -> None:
    admin = clients()
    await login(admin, ADMIN)
    invited = await admin.post(
        "/api/v1/gebruikers",
        json={"email": "nieuw@gemeente.nl", "naam": "Nieuwe Collega", "rollen": ["redacteur"]},
    )
    assert invited.status_code == 201, invited.text
    token = link_token(mails(tmp_path / "outbox")[-1])
    anonymous = clients()
    weak = await anonymous.post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": token, "wachtwoord": "Password2026!"}
    )
    assert weak.status_code == 400
    assert weak.json()["invalidParams"][0]["name"] == "wachtwoord"
    assert weak.json()["invalidParams"][0]["reason"] == WORD
    ok = await anonymous.post(
        "/api/v1/uitnodigingen/aanvaarding",
        json={"token": token, "wachtwoord": "correct-paard-batterij-nietje"},
    )
    assert ok.status_code == 204, "the link was not used up by the refusal"
