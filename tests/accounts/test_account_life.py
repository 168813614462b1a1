"""Invitations, password resets, password rules, my account and admin user management."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.accounts.models import ActionToken
from api.core.settings import Settings
from api.mail.models import OutboxMessage
from api.mail.service import deliver_pending
from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import ADMIN, EDITOR, UTRECHT, link_token, login, mails

NEW_PASSWORD = "Kwartaal-Rapportage-77"


async def invite(
    admin: httpx.AsyncClient, email: str = "nieuw@gemeente-test.nl", **extra: object
) -> httpx.Response:
    body: dict[str, object] = {
        "email": email,
        "naam": "Nina Nieuw",
        "rollen": ["gemeente"],
        "gemeenten": ["GM0363"],
    }
    body.update(extra)
    return await admin.post("/api/v1/gebruikers", json=body)


async def test_invitation_to_first_login(
    clients: Callable[[], httpx.AsyncClient], tmp_path: Path
) -> None:
    admin, newcomer = clients(), clients()
    await login(admin, ADMIN)
    created = await invite(admin)
    assert created.status_code == 201
    assert created.headers["location"] == f"/api/v1/gebruikers/{created.json()['id']}"
    assert created.json()["wachtwoordIngesteld"] is False
    [mail] = mails(tmp_path / "outbox")
    assert mail["To"] == "nieuw@gemeente-test.nl"
    assert "/uitnodiging#token=" in mail.get_content()
    token = link_token(mail)

    weak = await newcomer.post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": token, "wachtwoord": "kort"}
    )
    assert weak.status_code == 400
    assert weak.json()["invalidParams"][0]["name"] == "wachtwoord"

    accepted = await newcomer.post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": token, "wachtwoord": NEW_PASSWORD}
    )
    assert accepted.status_code == 204
    again = await newcomer.post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": token, "wachtwoord": NEW_PASSWORD}
    )
    assert again.status_code == 400, "a link works once"
    session = await login(newcomer, "nieuw@gemeente-test.nl", NEW_PASSWORD)
    assert session["gebruiker"]["gemeenten"] == [{"code": "GM0363", "naam": "Amsterdam"}]  # type: ignore[index]


async def test_expired_invitation(
    clients: Callable[[], httpx.AsyncClient], tmp_path: Path, db: Session
) -> None:
    admin = clients()
    await login(admin, ADMIN)
    await invite(admin)
    token = link_token(mails(tmp_path / "outbox")[0])
    db.execute(update(ActionToken).values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    db.flush()
    response = await clients().post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": token, "wachtwoord": NEW_PASSWORD}
    )
    assert response.status_code == 400
    assert "verlopen" in response.json()["detail"]


async def test_resending_an_invitation_voids_the_first_link(
    clients: Callable[[], httpx.AsyncClient], tmp_path: Path
) -> None:
    admin = clients()
    await login(admin, ADMIN)
    user_id = (await invite(admin)).json()["id"]
    assert (await admin.post(f"/api/v1/gebruikers/{user_id}/uitnodigingen")).status_code == 202
    first, second = (link_token(m) for m in mails(tmp_path / "outbox"))
    old = await clients().post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": first, "wachtwoord": NEW_PASSWORD}
    )
    assert old.status_code == 400
    new = await clients().post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": second, "wachtwoord": NEW_PASSWORD}
    )
    assert new.status_code == 204


async def test_user_rules(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin = clients()
    me = await login(admin, ADMIN)
    duplicate = await invite(admin, email=UTRECHT.upper())
    assert duplicate.status_code == 409
    unbound = await invite(admin, email="los@voorbeeld.nl", gemeenten=[])
    assert unbound.status_code == 400
    unknown = await invite(
        admin, email="x@voorbeeld.nl", gemeenten=["GM9999"], organisatie="bestaat-niet"
    )
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {"gemeenten", "organisatie"}
    myself = me["gebruiker"]["id"]  # type: ignore[index]
    lockout = await admin.patch(f"/api/v1/gebruikers/{myself}", json={"rollen": ["redacteur"]})
    assert lockout.status_code == 409
    missing = await admin.get("/api/v1/gebruikers/999999")
    assert missing.status_code == 404


async def test_admin_changes_roles_and_bindings(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin, contact = clients(), clients()
    await login(admin, ADMIN)
    me = await login(contact, UTRECHT)
    user_id = me["gebruiker"]["id"]  # type: ignore[index]
    changed = await admin.patch(
        f"/api/v1/gebruikers/{user_id}",
        json={"gemeenten": ["GM0344", "GM0307"], "organisatie": "vng"},
    )
    assert changed.status_code == 200
    assert [g["code"] for g in changed.json()["gemeenten"]] == ["GM0307", "GM0344"]
    contacts = await contact.get("/api/v1/gemeenten/GM0307/contactpersonen")
    assert contacts.status_code == 200, "a new binding is effective at once"
    cleared = await admin.patch(f"/api/v1/gebruikers/{user_id}", json={"organisatie": None})
    assert cleared.json()["organisatie"] is None
    listing = await admin.get("/api/v1/gebruikers?rol=gemeente&gemeente=GM0307")
    assert [u["email"] for u in listing.json()["resultaten"]] == [UTRECHT]
    search = await admin.get("/api/v1/gebruikers?zoek=ruud")
    assert [u["email"] for u in search.json()["resultaten"]] == [EDITOR]


async def test_password_reset(clients: Callable[[], httpx.AsyncClient], tmp_path: Path) -> None:
    anonymous, other = clients(), clients()
    await login(other, EDITOR)
    known = await anonymous.post("/api/v1/wachtwoord-herstel", json={"email": EDITOR})
    unknown = await anonymous.post(
        "/api/v1/wachtwoord-herstel", json={"email": "niemand@voorbeeld.nl"}
    )
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content == b""
    [mail] = mails(tmp_path / "outbox")
    assert mail["To"] == EDITOR
    token = link_token(mail)
    reset = await anonymous.post(
        "/api/v1/wachtwoord-herstel/bevestiging", json={"token": token, "wachtwoord": NEW_PASSWORD}
    )
    assert reset.status_code == 204
    assert (await other.get("/api/v1/mijn-account")).status_code == 401, (
        "resetting ends every session"
    )
    old = await anonymous.post(
        "/api/v1/sessies", json={"email": EDITOR, "wachtwoord": DEMO_PASSWORD}
    )
    assert old.status_code == 401
    await login(anonymous, EDITOR, NEW_PASSWORD)
    wrong_purpose = await anonymous.post(
        "/api/v1/uitnodigingen/aanvaarding", json={"token": token, "wachtwoord": NEW_PASSWORD}
    )
    assert wrong_purpose.status_code == 400


async def test_my_account_and_password_change(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact, second_device = clients(), clients()
    await login(contact, UTRECHT)
    await login(second_device, UTRECHT)
    me = await contact.get("/api/v1/mijn-account")
    assert me.json()["email"] == UTRECHT
    wrong = await contact.put(
        "/api/v1/mijn-account/wachtwoord",
        json={"huidigWachtwoord": "fout", "nieuwWachtwoord": NEW_PASSWORD},
    )
    assert wrong.status_code == 400
    weak = await contact.put(
        "/api/v1/mijn-account/wachtwoord",
        json={"huidigWachtwoord": DEMO_PASSWORD, "nieuwWachtwoord": "utrecht-utrecht"},
    )
    assert weak.status_code == 400
    assert any("e-mailadres" in p["reason"] for p in weak.json()["invalidParams"])
    ok = await contact.put(
        "/api/v1/mijn-account/wachtwoord",
        json={"huidigWachtwoord": DEMO_PASSWORD, "nieuwWachtwoord": NEW_PASSWORD},
    )
    assert ok.status_code == 204
    assert (await contact.get("/api/v1/mijn-account")).status_code == 200, "this session goes on"
    assert (await second_device.get("/api/v1/mijn-account")).status_code == 401, "others end"


async def test_delivered_mail_keeps_no_link_in_the_database(
    clients: Callable[[], httpx.AsyncClient], tmp_path: Path, db: Session
) -> None:
    admin = clients()
    await login(admin, ADMIN)
    await invite(admin)
    token = link_token(mails(tmp_path / "outbox")[0])
    # The demo's nieuwsbrief mails are in the outbox too (sent long ago).
    invited = select(OutboxMessage).where(OutboxMessage.recipient == "nieuw@gemeente-test.nl")
    [row] = db.scalars(invited).all()
    assert row.sent_at is not None
    assert token not in row.body


def test_stale_undelivered_mail_expires(db: Session, tmp_path: Path) -> None:
    old = OutboxMessage(
        recipient="a@voorbeeld.nl",
        subject="s",
        body="link #token=geheim",
        created_at=datetime.now(UTC) - timedelta(days=4),
    )
    fresh = OutboxMessage(recipient="b@voorbeeld.nl", subject="s", body="hallo")
    db.add_all([old, fresh])
    db.flush()
    settings = Settings(
        database_url="sqlite://", mail_backend="file", mail_file_dir=str(tmp_path / "uit")
    )
    delivered, failed = deliver_pending(db, settings)
    assert (delivered, failed) == (1, 1)
    assert "geheim" not in old.body
    assert old.sent_at is None
    assert fresh.sent_at is not None


async def test_renames_are_audited(clients: Callable[[], httpx.AsyncClient]) -> None:
    admin, contact = clients(), clients()
    await login(admin, ADMIN)
    me = await login(contact, UTRECHT)
    await contact.patch("/api/v1/mijn-account", json={"naam": "Ulla van Utrecht"})
    await admin.patch(f"/api/v1/gebruikers/{me['gebruiker']['id']}", json={"naam": "U. Utrecht"})  # type: ignore[index]
    log = (await admin.get("/api/v1/audit-gebeurtenissen?gebeurtenis=gebruiker.gewijzigd")).json()[
        "resultaten"
    ]
    assert [e["details"]["naam"]["naar"] for e in log] == ["U. Utrecht", "Ulla van Utrecht"]


def test_unknown_second_factor_roles_are_refused() -> None:
    with pytest.raises(ValidationError, match="unknown roles"):
        Settings(database_url="sqlite://", second_factor_roles="admin")
