"""Notifications: each hand-over reaches exactly the people who must act, in the app and by
mail as each person chose, and a mail's unsubscribe link works once, for its own person only."""

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.accounts.repository import user_by_email
from api.core.security import Role
from api.notifications import sending
from api.notifications.kinds import KINDS, Delivery, Kind
from api.notifications.models import MailState, Notification, NotificationPreference
from api.notifications.service import Message, notify
from tests.auth import ADMIN, BOLLENSTREEK, EDITOR, UTRECHT, login, mails
from tests.products.helpers import create, move, reviewer_id, upload

Clients = Callable[[], httpx.AsyncClient]


def _user(db: Session, email: str) -> User:
    found = user_by_email(db, email)
    assert found is not None
    return found


def _of(db: Session, kind: Kind) -> list[Notification]:
    return list(db.scalars(select(Notification).where(Notification.kind == kind)))


def _without_demo_notifications(db: Session) -> None:
    """The demo data tells its testers of their open reviews; these tests start without."""
    db.execute(delete(Notification))
    db.flush()


def _settings(app: FastAPI):  # type: ignore[no-untyped-def]
    return app.state.api.state.settings


def _outbox(app: FastAPI) -> list[EmailMessage]:
    return mails(Path(_settings(app).mail_file_dir))


async def _draft_in_review(editor: httpx.AsyncClient) -> dict[str, object]:
    product = await create(editor, titel="Handreiking meldingen")
    assert (await move(editor, product["id"], "in-ontwikkeling")).status_code == 200
    assert (await upload(editor, product["id"])).status_code == 201
    assert (await move(editor, product["id"], "in-toetsing")).status_code == 200
    return product


async def test_a_review_invitation_reaches_the_tester_and_nobody_else(
    clients: Clients, db: Session
) -> None:
    _without_demo_notifications(db)
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await _draft_in_review(editor)
    tester_id = await reviewer_id(tester)

    invited = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": tester_id}
    )

    assert invited.status_code == 201, invited.text
    [made] = _of(db, Kind.REVIEW_INVITED)
    assert made.user_id == tester_id
    assert made.link == f"/producten/{product['id']}"
    assert "Handreiking meldingen" in made.title
    # The tester sees it, and her bell counts it.
    inbox = (await tester.get("/api/v1/meldingen")).json()
    assert [n["soort"] for n in inbox["resultaten"]] == ["toetsing-uitgenodigd"]
    assert (await tester.get("/api/v1/meldingen/aantal-ongelezen")).json() == {"ongelezen": 1}
    # Another municipality's contact and the editor who invited see nothing of it.
    other = clients()
    await login(other, BOLLENSTREEK)
    assert (await other.get("/api/v1/meldingen")).json()["resultaten"] == []
    assert (await editor.get("/api/v1/meldingen/aantal-ongelezen")).json() == {"ongelezen": 0}


async def test_a_verdict_reaches_owner_and_inviter_once_and_publishing_the_reviewer(
    clients: Clients, db: Session
) -> None:
    _without_demo_notifications(db)
    editor, tester = clients(), clients()
    session = await login(editor, EDITOR)
    editor_id = int(session["gebruiker"]["id"])  # type: ignore[index]
    product = await _draft_in_review(editor)
    # The editor owns the product and invited the tester: one notification, not two.
    owned = await editor.patch(f"/api/v1/producten/{product['id']}", json={"eigenaarId": editor_id})
    assert owned.status_code == 200, owned.text
    tester_id = await reviewer_id(tester)
    invited = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": tester_id}
    )
    verdict = await tester.put(
        f"/api/v1/producten/{product['id']}/toetsingen/{invited.json()['id']}",
        json={"oordeel": "goedgekeurd"},
    )
    assert verdict.status_code == 200, verdict.text

    [told] = _of(db, Kind.VERDICT_GIVEN)
    assert told.user_id == editor_id
    assert "goedgekeurd" in told.title
    assert (await move(editor, product["id"], "gepubliceerd")).status_code == 200
    [published] = _of(db, Kind.REVIEWED_PRODUCT_PUBLISHED)
    assert published.user_id == tester_id


async def test_mail_follows_each_persons_choice(
    app: FastAPI, clients: Clients, db: Session
) -> None:
    _without_demo_notifications(db)
    tester = clients()
    await login(tester, UTRECHT)
    chosen = await tester.patch(
        "/api/v1/meldingen/voorkeuren",
        json={"voorkeuren": {"toetsing-uitgenodigd": "alleen-in-app"}},
    )
    assert chosen.status_code == 200, chosen.text
    mine = {p["soort"]: p for p in chosen.json()["voorkeuren"]}
    assert mine["toetsing-uitgenodigd"]["bezorging"] == "alleen-in-app"
    assert mine["toetsing-uitgenodigd"]["standaard"] == "direct"
    # Kinds that are not for a municipal contact are not offered at all.
    assert "vraag-toegewezen" not in mine
    utrecht, bollenstreek = _user(db, UTRECHT), _user(db, BOLLENSTREEK)
    db.commit()

    made = notify(
        db,
        Kind.REVIEW_INVITED,
        [utrecht, bollenstreek],
        Message("Toetsen: Handreiking X", "Graag uw oordeel.", "/producten/1"),
    )

    states = {n.user_id: n.mail_state for n in made}
    assert states == {utrecht.id: MailState.NONE, bollenstreek.id: MailState.DUE}
    db.commit()
    assert sending.send_due(db, _settings(app), db.commit) == 1
    [sent] = _outbox(app)
    assert sent["To"] == BOLLENSTREEK
    assert sent["Subject"] == "Toetsen: Handreiking X"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent["List-Unsubscribe"].startswith("<https://")
    html = sent.get_body(("html",))
    text = sent.get_body(("plain",))
    assert html is not None
    assert text is not None
    assert 'style="' in html.get_content()  # CSS inlined for mail clients
    assert "<img" not in html.get_content()  # no tracking pixel
    assert "Graag uw oordeel." in text.get_content()
    # Sent once: a second run finds nothing to send.
    assert sending.send_due(db, _settings(app), db.commit) == 0


def test_the_daily_summary_groups_a_persons_notifications_into_one_mail(
    app: FastAPI, db: Session
) -> None:
    _without_demo_notifications(db)
    editor = _user(db, EDITOR)
    for number in (1, 2):
        notify(
            db,
            Kind.QUESTION_DUE,
            [editor],
            Message(
                f"Vraag {number} verloopt morgen", "Beantwoord haar op tijd.", f"/vragen/{number}"
            ),
        )
    notify(
        db,
        Kind.PRODUCT_DUE,
        [editor],
        Message("Handreiking Y is te laat", "De leverdatum is voorbij.", "/producten/2"),
    )
    db.commit()

    assert sending.send_summaries(db, _settings(app), db.commit) == 1

    [summary] = _outbox(app)
    text = summary.get_body(("plain",))
    assert text is not None
    content = text.get_content()
    assert summary["Subject"] == "Uw dagoverzicht van Spoorboek: 3 meldingen"
    assert content.index("Termijn van een vraag") < content.index("Vraag 1 verloopt morgen")
    assert content.index("Vraag 2 verloopt morgen") < content.index("Leverdatum van een product")
    assert sending.send_summaries(db, _settings(app), db.commit) == 0


def test_a_crash_in_the_middle_of_the_summaries_resumes_without_duplicates(
    app: FastAPI, db: Session
) -> None:
    _without_demo_notifications(db)
    # Mailed in the order of their user ids.
    people = sorted((_user(db, EDITOR), _user(db, ADMIN)), key=lambda p: p.id)
    for person in people:
        notify(db, Kind.PRODUCT_DUE, [person], Message("Te laat", "Voorbij.", "/producten/2"))
    db.commit()
    commits = 0

    def crash_after_the_first_person() -> None:
        nonlocal commits
        commits += 1
        if commits == 2:
            raise RuntimeError("de server viel uit")
        db.commit()

    try:
        sending.send_summaries(db, _settings(app), crash_after_the_first_person)
    except RuntimeError:
        db.rollback()
    assert [m["To"] for m in _outbox(app)] == [people[0].email]

    assert sending.send_summaries(db, _settings(app), db.commit) == 1
    assert sorted(m["To"] for m in _outbox(app)) == sorted(p.email for p in people)


def test_the_actor_and_people_without_a_fitting_role_are_never_notified(db: Session) -> None:
    editor, utrecht = _user(db, EDITOR), _user(db, UTRECHT)

    made = notify(
        db,
        Kind.QUESTION_ASSIGNED,
        [editor, utrecht],
        Message("Vraag 3 is aan u toegewezen", "...", "/vragen/3"),
        actor_id=editor.id,
    )

    # The editor assigned it to herself; the municipal contact is not an advisor.
    assert made == []


def test_a_reminder_is_made_once_per_person_and_occasion(db: Session) -> None:
    editor = _user(db, EDITOR)
    message = Message("Vraag 4 verloopt", "...", "/vragen/4", occasion="vraag:4:bijna:2026-12-07")

    first = notify(db, Kind.QUESTION_DUE, [editor], message)
    again = notify(db, Kind.QUESTION_DUE, [editor], message)

    assert len(first) == 1
    assert again == []


async def test_reading_and_marking_only_ones_own_notifications(
    clients: Clients, db: Session
) -> None:
    _without_demo_notifications(db)
    utrecht, bollenstreek = _user(db, UTRECHT), _user(db, BOLLENSTREEK)
    mine = notify(db, Kind.REVIEW_INVITED, [utrecht], Message("A", "a", "/producten/1"))
    notify(db, Kind.REVIEW_INVITED, [utrecht], Message("B", "b", "/producten/2"))
    theirs = notify(db, Kind.REVIEW_INVITED, [bollenstreek], Message("C", "c", "/producten/3"))
    db.commit()
    client = clients()
    await login(client, UTRECHT)

    assert (await client.post(f"/api/v1/meldingen/{theirs[0].id}/gelezen")).status_code == 404
    read = await client.post(f"/api/v1/meldingen/{mine[0].id}/gelezen")
    assert read.status_code == 200
    assert read.json()["gelezen"] is not None
    unread = (await client.get("/api/v1/meldingen", params={"ongelezen": "true"})).json()
    assert [n["titel"] for n in unread["resultaten"]] == ["B"]
    assert unread["ongelezen"] == 1
    assert (await client.post("/api/v1/meldingen/alles-gelezen")).json() == {"gemarkeerd": 1}
    assert (await client.get("/api/v1/meldingen/aantal-ongelezen")).json() == {"ongelezen": 0}
    # Bollenstreek's notification is still unread.
    assert (
        db.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == bollenstreek.id, Notification.read_at.is_(None)
            )
        )
        == 1
    )


async def test_only_people_have_notifications_and_only_kinds_of_their_roles(
    client: httpx.AsyncClient, clients: Clients
) -> None:
    assert (await client.get("/api/v1/meldingen")).status_code == 401
    assert (await client.get("/api/v1/meldingen/voorkeuren")).status_code == 401
    contact = clients()
    await login(contact, UTRECHT)

    refused = await contact.patch(
        "/api/v1/meldingen/voorkeuren", json={"voorkeuren": {"vraag-toegewezen": "direct"}}
    )
    unknown = await contact.patch(
        "/api/v1/meldingen/voorkeuren", json={"voorkeuren": {"toetsing-uitgenodigd": "soms"}}
    )

    assert refused.status_code == 400
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["invalidParams"][0]["name"] == "voorkeuren.vraag-toegewezen"
    assert unknown.status_code == 400


def _unsubscribe_token(message: EmailMessage) -> str:
    header = str(message["List-Unsubscribe"])
    return header.split("token=", 1)[1].rstrip(">")


async def test_the_unsubscribe_link_works_once_without_login_for_its_own_person_only(
    app: FastAPI, client: httpx.AsyncClient, db: Session
) -> None:
    _without_demo_notifications(db)
    utrecht, bollenstreek = _user(db, UTRECHT), _user(db, BOLLENSTREEK)
    notify(db, Kind.REVIEW_INVITED, [utrecht, bollenstreek], Message("T", "t", "/producten/1"))
    db.commit()
    sending.send_due(db, _settings(app), db.commit)
    to_utrecht = next(m for m in _outbox(app) if m["To"] == UTRECHT)
    token = _unsubscribe_token(to_utrecht)

    preview = await client.get("/api/v1/meldingen/afmelden", params={"token": token})
    assert preview.status_code == 200
    assert preview.json() == {
        "soort": "toetsing-uitgenodigd",
        "omschrijving": "e-mail over: uitnodiging om te toetsen",
        "gebruikt": False,
    }
    # What a mail client sends for RFC 8058: a form, no cookie, no login.
    done = await client.post(
        "/api/v1/meldingen/afmelden",
        params={"token": token},
        data={"List-Unsubscribe": "One-Click"},
    )
    assert done.status_code == 200, done.text
    again = await client.post("/api/v1/meldingen/afmelden", params={"token": token})
    assert again.status_code == 409
    assert (
        await client.post("/api/v1/meldingen/afmelden", params={"token": "x" * 43})
    ).status_code == 404

    choices = {
        (p.user_id, p.kind): p.delivery
        for p in db.scalars(
            select(NotificationPreference).where(
                NotificationPreference.user_id.in_([utrecht.id, bollenstreek.id])
            )
        )
    }
    assert choices == {(utrecht.id, Kind.REVIEW_INVITED): Delivery.IN_APP_ONLY}


async def test_unsubscribing_from_the_summary_stops_every_kind_that_went_into_it(
    app: FastAPI, client: httpx.AsyncClient, db: Session
) -> None:
    _without_demo_notifications(db)
    editor = _user(db, EDITOR)
    notify(db, Kind.PRODUCT_DUE, [editor], Message("Te laat", "Voorbij.", "/producten/2"))
    db.commit()
    sending.send_summaries(db, _settings(app), db.commit)
    [summary] = _outbox(app)

    done = await client.post(
        "/api/v1/meldingen/afmelden", params={"token": _unsubscribe_token(summary)}
    )

    assert done.json()["omschrijving"] == "het dagoverzicht per e-mail"
    stopped = set(
        db.scalars(
            select(NotificationPreference.kind).where(
                NotificationPreference.user_id == editor.id,
                NotificationPreference.delivery == Delivery.IN_APP_ONLY,
            )
        )
    )
    daily_for_editors = {
        kind
        for kind, info in KINDS.items()
        if info.default is Delivery.DAILY and Role.EDITOR in info.roles
    }
    assert Kind.PRODUCT_DUE in daily_for_editors
    assert stopped == daily_for_editors


async def test_admins_preview_every_mail_a_notification_can_send(
    client: httpx.AsyncClient, clients: Clients
) -> None:
    admin, editor = clients(), clients()
    await login(admin, ADMIN)
    await login(editor, EDITOR)

    shown = await admin.get("/api/v1/e-mailvoorbeelden")

    assert shown.status_code == 200, shown.text
    previews = {p["naam"]: p for p in shown.json()["voorbeelden"]}
    assert set(previews) == {kind.value for kind in Kind} | {"dagoverzicht"}
    for preview in previews.values():
        assert preview["onderwerp"]
        assert "Voorbeeld Persoon" in preview["tekst"]
        assert 'style="' in preview["html"]
        assert preview["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (await editor.get("/api/v1/e-mailvoorbeelden")).status_code == 403
    assert (await client.get("/api/v1/e-mailvoorbeelden")).status_code == 401
