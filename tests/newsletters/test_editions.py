"""Editions for the editors: a draft filled from what happened since the previous edition,
changes guarded by If-Match, the preview, the test mail to herself, planning and withdrawing,
and who may do any of it."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.core import clock
from api.measures.models import Measure
from api.newsletters import sending
from api.newsletters.models import Delivery, Edition, EditionStatus, Subscriber, SubscriberStatus
from api.products.models import ProductVersion
from api.signals.models import Signal, SignalStatus
from tests.auth import ADMIN, EDITOR, UTRECHT, login, mails
from tests.conftest import make_settings
from tests.test_meetings import body as meeting_body

EDITIONS = "/api/v1/nieuwsbrief/edities"


async def person(clients: Callable[[], httpx.AsyncClient], email: str) -> httpx.AsyncClient:
    client = clients()
    await login(client, email)
    return client


async def draft(editor: httpx.AsyncClient, title: str = "Nieuwsbrief april") -> httpx.Response:
    response = await editor.post(EDITIONS, json={"titel": title})
    assert response.status_code == 201, response.text
    return response


def links(edition: dict[str, Any]) -> list[str]:
    return [item["link"] for section in edition["secties"] for item in section["items"]]


async def test_a_draft_holds_what_was_published_since_the_previous_edition(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    now = clock.now()
    previous = now - timedelta(days=10)
    db.add(
        Edition(
            title="Vorige",
            status=EditionStatus.SENT,
            sections=[],
            sent_at=previous,
            covers_from=previous - timedelta(days=30),
        )
    )
    # Everything published long ago, but one product's version after the previous edition.
    db.execute(
        update(ProductVersion)
        .where(ProductVersion.published_at.is_not(None))
        .values(published_at=now - timedelta(days=60))
    )
    versions = db.scalars(
        select(ProductVersion)
        .where(ProductVersion.published_at.is_not(None))
        .order_by(ProductVersion.product_id)
    ).all()
    fresh, old = versions[0], versions[-1]
    assert fresh.product_id != old.product_id
    fresh.published_at = now - timedelta(days=5)
    db.flush()

    editor = await person(clients, EDITOR)
    created = await draft(editor)
    edition = created.json()
    assert created.headers["ETag"] == '"v1"'
    assert created.headers["Location"] == f"{EDITIONS}/{edition['id']}"
    assert edition["status"] == "concept"
    assert edition["periodeVanaf"].startswith(previous.astimezone(clock.UTC).date().isoformat())
    found = links(edition)
    assert any(link.endswith(f"/producten/{fresh.product_id}") for link in found if link)
    assert not any(link.endswith(f"/producten/{old.product_id}") for link in found if link)
    product_sections = [
        s for s in edition["secties"] if s["soort"] in ("nieuwe-producten", "bijgewerkte-producten")
    ]
    item = next(
        i
        for s in product_sections
        for i in s["items"]
        if i["link"].endswith(f"/producten/{fresh.product_id}")
    )
    # The item names its measures, with their themes and waves.
    assert item["maatregelen"]
    assert item["themas"]
    assert item["golven"]
    # The national figure is always there.
    assert any(s["soort"] == "voortgang" for s in edition["secties"])


async def test_the_first_edition_covers_thirty_days(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    edition = (await draft(editor)).json()
    expected = (clock.now() - timedelta(days=30)).astimezone(clock.UTC).date().isoformat()
    assert edition["periodeVanaf"].startswith(expected)


async def test_only_editors_and_admins_reach_the_editions(
    client: httpx.AsyncClient, clients: Callable[[], httpx.AsyncClient]
) -> None:
    editor = await person(clients, EDITOR)
    edition_id = (await draft(editor)).json()["id"]
    paths = [
        ("GET", EDITIONS, None),
        ("POST", EDITIONS, {"titel": "x"}),
        ("GET", f"{EDITIONS}/{edition_id}", None),
        ("PATCH", f"{EDITIONS}/{edition_id}", {"titel": "x"}),
        ("GET", f"{EDITIONS}/{edition_id}/voorbeeld", None),
        ("POST", f"{EDITIONS}/{edition_id}/testmail", None),
        ("POST", f"{EDITIONS}/{edition_id}/inplannen", {"verzendenOp": "2099-01-01T09:00:00Z"}),
        ("POST", f"{EDITIONS}/{edition_id}/intrekken", None),
    ]
    contact = await person(clients, UTRECHT)
    for method, path, body in paths:
        anonymous = await client.request(method, path, json=body, headers={"If-Match": '"v1"'})
        assert anonymous.status_code == 401, (method, path, anonymous.text)
        assert anonymous.headers["content-type"].startswith("application/problem+json")
        refused = await contact.request(method, path, json=body, headers={"If-Match": '"v1"'})
        assert refused.status_code == 403, (method, path, refused.text)
    admin = await person(clients, ADMIN)
    listed = await admin.get(EDITIONS)
    assert listed.status_code == 200
    assert edition_id in [e["id"] for e in listed.json()["resultaten"]]


async def test_changes_need_the_current_version(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await person(clients, EDITOR)
    created = await draft(editor)
    path = f"{EDITIONS}/{created.json()['id']}"

    missing = await editor.patch(path, json={"titel": "Nieuw"})
    assert missing.status_code == 428
    assert missing.headers["content-type"].startswith("application/problem+json")

    own = {
        "soort": "eigen",
        "titel": "Van de redactie",
        "tekst": "Een **eigen** stuk.",
        "items": [
            {"titel": "Lees meer", "link": "https://example.nl/stuk", "maatregelen": ["M01"]}
        ],
    }
    sections = [own, *reversed(created.json()["secties"])]
    changed = await editor.patch(
        path,
        json={"titel": "Nieuw", "inleiding": "Hallo *allen*", "secties": sections},
        headers={"If-Match": created.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.headers["ETag"] == '"v2"'
    body = changed.json()
    assert body["titel"] == "Nieuw"
    assert body["inleiding"] == "Hallo *allen*"
    assert body["secties"][0]["titel"] == "Van de redactie"
    assert [s["soort"] for s in body["secties"][1:]] == [
        s["soort"] for s in reversed(created.json()["secties"])
    ]

    stale = await editor.patch(path, json={"titel": "Te laat"}, headers={"If-Match": '"v1"'})
    assert stale.status_code == 412
    assert stale.headers["ETag"] == '"v2"'
    assert (await editor.get(path)).json()["titel"] == "Nieuw"

    removed = await editor.patch(path, json={"secties": []}, headers={"If-Match": '"v2"'})
    assert removed.json()["secties"] == []


async def test_preview_in_every_form(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = await person(clients, EDITOR)
    created = await draft(editor, "Nieuwsbrief mei")
    path = f"{EDITIONS}/{created.json()['id']}"
    await editor.patch(
        path,
        json={"inleiding": "Welkom <script>alert(1)</script>**allen**"},
        headers={"If-Match": created.headers["ETag"]},
    )
    web = (await editor.get(f"{path}/voorbeeld")).json()
    assert web["vorm"] == "web"
    assert "<strong>allen</strong>" in web["html"]
    assert "<script" not in web["html"]
    assert "<html" not in web["html"]
    mail = (await editor.get(f"{path}/voorbeeld", params={"vorm": "mail"})).json()
    assert mail["html"].startswith("<!DOCTYPE html>")
    assert 'style="' in mail["html"]
    assert mail["tekst"] is None
    text = (await editor.get(f"{path}/voorbeeld", params={"vorm": "tekst"})).json()
    assert text["html"] is None
    assert text["tekst"].startswith("Nieuwsbrief mei")
    assert "geen volgpixels" in text["tekst"]
    bad = await editor.get(f"{path}/voorbeeld", params={"vorm": "pdf"})
    assert bad.status_code == 400


async def test_the_test_mail_goes_to_the_editor_herself(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    editor = await person(clients, EDITOR)
    edition_id = (await draft(editor, "Testeditie")).json()["id"]
    sent = await editor.post(f"{EDITIONS}/{edition_id}/testmail")
    assert sent.status_code == 202, sent.text
    assert sent.json() == {"aan": EDITOR}
    outbox = mails(Path(app.state.api.state.settings.mail_file_dir))
    [message] = [m for m in outbox if m["Subject"] == "[Test] Testeditie"]
    assert message["To"] == EDITOR
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<")
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None
    assert html is not None
    assert "geen volgpixels" in text.get_content()
    assert 'style="' in html.get_content()


async def test_planning_and_withdrawing(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await person(clients, EDITOR)
    edition_id = (await draft(editor)).json()["id"]
    path = f"{EDITIONS}/{edition_id}"
    past = (clock.now() - timedelta(hours=1)).isoformat()
    refused = await editor.post(f"{path}/inplannen", json={"verzendenOp": past})
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "verzendenOp"
    naive = await editor.post(f"{path}/inplannen", json={"verzendenOp": "2099-01-01T09:00:00"})
    assert naive.status_code == 400

    moment = (clock.now() + timedelta(days=2)).replace(microsecond=0)
    planned = await editor.post(f"{path}/inplannen", json={"verzendenOp": moment.isoformat()})
    assert planned.status_code == 200, planned.text
    assert planned.json()["status"] == "gepland"
    assert planned.json()["verzendenOp"] is not None

    audited = db.scalars(
        select(AuditEvent.event).where(AuditEvent.subject == f"nieuwsbrief-editie:{edition_id}")
    ).all()
    assert audited == ["nieuwsbrief.editie.ingepland"]

    withdrawn = await editor.post(f"{path}/intrekken")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "concept"
    assert withdrawn.json()["verzendenOp"] is None
    again = await editor.post(f"{path}/intrekken")
    assert again.status_code == 409

    # Once the job is sending, nothing changes any more.
    edition = db.get(Edition, edition_id)
    assert edition is not None
    edition.status = EditionStatus.SENDING
    db.flush()
    version = (await editor.get(path)).headers["ETag"]
    frozen = await editor.patch(path, json={"titel": "x"}, headers={"If-Match": version})
    assert frozen.status_code == 409
    assert (await editor.post(f"{path}/intrekken")).status_code == 409
    assert (
        await editor.post(f"{path}/inplannen", json={"verzendenOp": moment.isoformat()})
    ).status_code == 409


BAD_CHANGES: list[dict[str, Any]] = [
    {"secties": [{"soort": "onbekend", "titel": "x"}]},
    {
        "secties": [
            {
                "soort": "eigen",
                "titel": "x",
                "items": [{"titel": "y", "link": "javascript:alert(1)"}],
            }
        ]
    },
    {"secties": [{"soort": "eigen", "titel": "x", "maatregelen": ["X1"]}]},
    {"secties": [{"soort": "eigen", "titel": "x", "maatregelen": ["M99"]}]},
    {"secties": [{"soort": "eigen", "titel": "x", "items": [{"titel": "y", "golven": [99]}]}]},
    {"secties": [{"soort": "eigen", "titel": "x", "themas": ["bestaat-niet"]}]},
    {"secties": "geen lijst"},
    {"titel": ""},
    {"titel": "x" * 201},
    {"onbekend": 1},
    {"inleiding": "a\u0000b"},
]


async def test_bad_changes_are_a_400_and_change_nothing(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    # One draft for all of them: drafting reads every domain, the refusals read nothing.
    editor = await person(clients, EDITOR)
    created = await draft(editor)
    path = f"{EDITIONS}/{created.json()['id']}"
    for body in BAD_CHANGES:
        response = await editor.patch(
            path, json=body, headers={"If-Match": created.headers["ETag"]}
        )
        assert response.status_code == 400, (body, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    after = await editor.get(path)
    assert after.headers["ETag"] == created.headers["ETag"]
    assert after.json() == created.json()


async def test_bad_ids_and_unknown_editions(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = await person(clients, EDITOR)
    assert (await editor.get(f"{EDITIONS}/abc")).status_code == 400
    assert (await editor.get(f"{EDITIONS}/0")).status_code == 400
    assert (await editor.get(f"{EDITIONS}/99999999999")).status_code == 400
    assert (await editor.get(f"{EDITIONS}/2147483000")).status_code == 404
    assert (await editor.post(EDITIONS, json={})).status_code == 400
    assert (
        await editor.patch(f"{EDITIONS}/1", json={"titel": "x"}, headers={"If-Match": "x"})
    ).status_code in (404, 412)


async def test_a_draft_holds_coming_meetings_and_answered_signals(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor = await person(clients, EDITOR)
    planned = await editor.post("/api/v1/bijeenkomsten", json=meeting_body())
    assert planned.status_code == 201, planned.text
    meeting_id = planned.json()["id"]
    signal = db.scalars(select(Signal).where(Signal.is_public).order_by(Signal.id)).first()
    assert signal is not None, "the demo data has a public signal"
    signal.status = SignalStatus.RESPONDED
    signal.response = "Dit wordt in de handreiking verduidelijkt."
    signal.responded_at = clock.now() - timedelta(days=1)
    db.flush()

    sections = {s["soort"]: s for s in (await draft(editor)).json()["secties"]}
    meeting = next(
        i
        for i in sections["bijeenkomsten"]["items"]
        if i["link"].endswith(f"/bijeenkomsten/{meeting_id}")
    )
    assert meeting["maatregelen"] == ["M01"]
    assert meeting["golven"]
    answered = next(
        i
        for i in sections["signalen"]["items"]
        if i["link"].endswith(f"/openbare-signalen/{signal.id}")
    )
    assert answered["tekst"] == "Dit wordt in de handreiking verduidelijkt."


async def test_a_draft_holds_the_coming_deadlines(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    measure = db.get(Measure, "M01")
    assert measure is not None
    soon = clock.today() + timedelta(days=17)
    measure.effective_date_override = soon
    db.flush()
    editor = await person(clients, EDITOR)
    sections = {s["soort"]: s for s in (await draft(editor)).json()["secties"]}
    deadline = next(i for i in sections["termijnen"]["items"] if i["titel"].endswith("Ingang M01"))
    assert deadline["titel"].startswith(f"{soon.day} ")
    assert deadline["maatregelen"] == ["M01"]
    assert deadline["golven"] == [measure.wave_number]
    assert deadline["themas"] == [measure.theme_code]


async def test_the_sending_figures_count_the_deliveries(
    clients: Callable[[], httpx.AsyncClient], db: Session, database_url: str, tmp_path: Path
) -> None:
    for n, measures in enumerate([None, None, None, ["M99"]]):
        db.add(
            Subscriber(
                email=f"abonnee{n}@example.org",
                status=SubscriberStatus.ACTIVE,
                manage_token_hash=f"{n:064d}",
                everything=measures is None,
                measures=measures or [],
            )
        )
    editor = await person(clients, EDITOR)
    edition_id = (await draft(editor)).json()["id"]
    path = f"{EDITIONS}/{edition_id}"
    # Only the introduction and a section about M10: the subscriber of M99 gets no mail.
    about_m10 = {"soort": "eigen", "titel": "Over M10", "maatregelen": ["M10"]}
    saved = await editor.patch(
        path, json={"inleiding": "", "secties": [about_m10]}, headers={"If-Match": '"v1"'}
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["verzending"] is None, "before sending there are no figures"
    planned = await editor.post(f"{path}/inplannen", json={"verzendenOp": clock.now().isoformat()})
    assert planned.json()["verzending"] is None

    settings = make_settings(database_url, tmp_path, newsletter_batch_size=2)
    sending.send_editions(db, settings, clock.now())
    halfway = (await editor.get(path)).json()
    assert halfway["status"] == "verzenden"
    assert halfway["verzending"] == {
        "ontvangers": 4,
        "verzonden": 2,
        "zonderMail": 0,
        "nogTeVerzenden": 2,
        "onbestelbaar": 0,
    }

    # A full batch cannot tell it was the last one: the next run finds nobody and finishes.
    sending.send_editions(db, settings, clock.now())
    sending.send_editions(db, settings, clock.now())
    deliveries = db.scalars(select(Delivery).where(Delivery.edition_id == edition_id)).all()
    deliveries[0].bounced_at = clock.now()
    db.flush()
    done = (await editor.get(path)).json()
    assert done["status"] == "verzonden"
    mailed = [d for d in deliveries if d.outbox_message_id is not None]
    assert done["verzending"] == {
        "ontvangers": len(deliveries),
        "verzonden": len(mailed),
        "zonderMail": len(deliveries) - len(mailed),
        "nogTeVerzenden": 0,
        "onbestelbaar": 1,
    }
    assert (len(deliveries), len(mailed)) == (4, 3)
