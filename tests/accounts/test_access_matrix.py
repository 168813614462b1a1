"""Every endpoint against every role: allowed, denied, and denied without revealing whether the
thing asked for exists."""

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.ict.models import Application
from api.questions.models import ExpertRequest
from api.seed.demo_ict import SUPPLIER_CLIENT
from tests.auth import (
    ADMIN,
    BOLLENSTREEK,
    EDITOR,
    PARTNER,
    SCRIPT,
    STIMULANSZ,
    UTRECHT,
    login,
    machine_token,
)

ROLES = [
    "publiek",
    "utrecht",
    "bollenstreek",
    "redacteur",
    "beheerder",
    "expert",
    "partner",
    "script",
    "leverancier",
]


async def as_role(role: str, make: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    client = make()
    people = {
        "utrecht": UTRECHT,
        "bollenstreek": BOLLENSTREEK,
        "redacteur": EDITOR,
        "beheerder": ADMIN,
        "expert": STIMULANSZ,
    }
    machines = {"partner": PARTNER, "script": SCRIPT, "leverancier": SUPPLIER_CLIENT}
    if role in people:
        await login(client, people[role])
    elif role in machines:
        token = await machine_token(client, machines[role].client_id, machines[role].secret)
        client.headers["Authorization"] = f"Bearer {token}"
    return client


PUBLIC = dict.fromkeys(ROLES, 200)
ADMIN_ONLY = {
    "publiek": 401,
    "utrecht": 403,
    "bollenstreek": 403,
    "redacteur": 403,
    "beheerder": 200,
    "expert": 403,
    "partner": 403,
    "script": 403,
    "leverancier": 403,
}
PEOPLE_ONLY = {
    "publiek": 401,
    "utrecht": 200,
    "bollenstreek": 200,
    "redacteur": 200,
    "beheerder": 200,
    "expert": 200,
    "partner": 403,
    "script": 403,
    "leverancier": 403,
}
# Questions: municipal contacts ask, the programme team handles; an expert only answers what is
# put to her organisation (below), everything else of questions refuses her.
ASKERS_AND_TEAM = {**PEOPLE_ONLY, "expert": 403}
TEAM_ONLY = {**ASKERS_AND_TEAM, "utrecht": 403, "bollenstreek": 403}
EXPERT_ONLY = {
    "publiek": 401,
    "utrecht": 403,
    "bollenstreek": 403,
    "redacteur": 403,
    "beheerder": 403,
    "expert": 200,
    "partner": 403,
    "script": 403,
    "leverancier": 403,
}
# A question put to another organisation is answered like a missing one.
ANOTHER_ORGANISATIONS = {**EXPERT_ONLY, "expert": 404}
MEETING: dict[str, object] = {
    "soort": "webinar",
    "titel": "Webinar over de giftenvrijlating",
    "online": True,
    "begin": "2030-03-05T14:00:00+01:00",
    "einde": "2030-03-05T15:00:00+01:00",
}
FAQ_ENTRY: dict[str, object] = {
    "vraag": "Geldt de vrijlating van giften per persoon?",
    "antwoord": "Ja, de vrijlating geldt per persoon, niet per huishouden.",
    "maatregelen": ["M01"],
}

MATRIX: list[tuple[str, str, dict[str, object] | None, dict[str, int]]] = [
    ("GET", "/api/v1/maatregelen", None, PUBLIC),
    ("GET", "/api/v1/gemeenten/GM0344", None, PUBLIC),
    ("GET", "/api/v1/organisaties/divosa", None, PUBLIC),
    ("GET", "/api/v1/health/ready", None, PUBLIC),
    ("GET", "/api/v1/sessies/huidig", None, PEOPLE_ONLY),
    ("GET", "/api/v1/mijn-account", None, PEOPLE_ONLY),
    ("PATCH", "/api/v1/mijn-account", {"naam": "Nieuwe naam"}, PEOPLE_ONLY),
    ("GET", "/api/v1/gebruikers", None, ADMIN_ONLY),
    ("GET", "/api/v1/gebruikers/1", None, ADMIN_ONLY),
    ("PATCH", "/api/v1/gebruikers/1", {"naam": "X"}, ADMIN_ONLY),
    (
        "POST",
        "/api/v1/gebruikers",
        {"email": "m@voorbeeld.nl", "naam": "M", "rollen": ["redacteur"]},
        {**ADMIN_ONLY, "beheerder": 201},
    ),
    ("POST", "/api/v1/gebruikers/1/uitnodigingen", None, {**ADMIN_ONLY, "beheerder": 409}),
    ("GET", "/api/v1/koppelingen", None, ADMIN_ONLY),
    ("GET", f"/api/v1/koppelingen/{PARTNER.client_id}", None, ADMIN_ONLY),
    ("PATCH", f"/api/v1/koppelingen/{SCRIPT.client_id}", {"actief": True}, ADMIN_ONLY),
    (
        "POST",
        f"/api/v1/koppelingen/{SCRIPT.client_id}/geheimen",
        {"overlapUren": 1},
        {**ADMIN_ONLY, "beheerder": 201},
    ),
    (
        "POST",
        "/api/v1/koppelingen",
        {"naam": "k", "soort": "partner", "scopes": ["producten:lezen"], "organisatie": "vng"},
        {**ADMIN_ONLY, "beheerder": 201},
    ),
    ("GET", "/api/v1/audit-gebeurtenissen", None, ADMIN_ONLY),
    ("GET", "/api/v1/vragen", None, ASKERS_AND_TEAM),
    ("GET", "/api/v1/vragen/werkvoorraad", None, TEAM_ONLY),
    ("GET", "/api/v1/vragen/behandelaars", None, TEAM_ONLY),
    ("GET", "/api/v1/vragen/1/notities", None, TEAM_ONLY),
    ("GET", "/api/v1/faq", None, PUBLIC),
    ("POST", "/api/v1/faq", FAQ_ENTRY, {**TEAM_ONLY, "redacteur": 201, "beheerder": 201}),
    # The agenda is public; the programme team plans meetings.
    ("GET", "/api/v1/bijeenkomsten", None, PUBLIC),
    ("POST", "/api/v1/bijeenkomsten", MEETING, {**TEAM_ONLY, "redacteur": 201, "beheerder": 201}),
    # Satisfaction figures: the team's; per advisor the admin's; the overall figure public.
    ("GET", "/api/v1/tevredenheid/cijfers", None, TEAM_ONLY),
    ("GET", "/api/v1/tevredenheid/cijfers?adviseur=ik", None, TEAM_ONLY),
    ("GET", "/api/v1/tevredenheid/cijfers?groep=adviseur", None, ADMIN_ONLY),
    ("GET", "/api/v1/tevredenheid/lage-scores", None, TEAM_ONLY),
    ("GET", "/api/v1/tevredenheid/landelijk", None, PUBLIC),
    # The survey: the team configures and reads it; a contact answers her own invitations.
    ("GET", "/api/v1/peilingvragen", None, TEAM_ONLY),
    ("GET", "/api/v1/peilingrondes", None, TEAM_ONLY),
    (
        "GET",
        "/api/v1/mijn-peilingen",
        None,
        {**TEAM_ONLY, "utrecht": 200, "bollenstreek": 200, "redacteur": 403, "beheerder": 403},
    ),
    # The nieuwsbrief: anyone signs up (the same answer for all); only the holder of a mail's
    # secret manages a subscription; a person subscribes her own account's address.
    (
        "POST",
        "/api/v1/nieuwsbrief/aanmeldingen",
        {"email": "matrix@example.nl", "alles": True},
        dict.fromkeys(ROLES, 202),
    ),
    ("POST", f"/api/v1/nieuwsbrief/afmelden?token={'x' * 43}", None, dict.fromkeys(ROLES, 404)),
    ("GET", f"/api/v1/nieuwsbrief/abonnement?token={'x' * 43}", None, dict.fromkeys(ROLES, 404)),
    # Its editions are the team's until sent; the archive of sent ones is public.
    ("GET", "/api/v1/nieuwsbrief/edities", None, TEAM_ONLY),
    (
        "POST",
        "/api/v1/nieuwsbrief/edities",
        {"titel": "Matrix"},
        {**TEAM_ONLY, "redacteur": 201, "beheerder": 201},
    ),
    ("GET", "/api/v1/nieuwsbrief/archief", None, PUBLIC),
    ("PUT", "/api/v1/mijn-account/nieuwsbrief", {"alles": True}, PEOPLE_ONLY),
    (
        "DELETE",
        "/api/v1/mijn-account/nieuwsbrief",
        None,
        {**PEOPLE_ONLY, **{role: 204 for role, code in PEOPLE_ONLY.items() if code == 200}},
    ),
    ("GET", "/api/v1/expertvragen", None, EXPERT_ONLY),
    ("GET", "/api/v1/expertvragen/{stimulansz}", None, EXPERT_ONLY),
    ("GET", "/api/v1/expertvragen/{divosa}", None, ANOTHER_ORGANISATIONS),
    ("POST", "/api/v1/expertvragen/{stimulansz}/antwoord", {"antwoord": "Ja."}, EXPERT_ONLY),
    ("POST", "/api/v1/expertvragen/{divosa}/antwoord", {"antwoord": "Ja."}, ANOTHER_ORGANISATIONS),
    # ICT readiness: the team manages; a supplier's client reports its own applications'
    # readiness only; the public sees the figures of suppliers that agreed.
    ("GET", "/api/v1/ict/cijfers", None, PUBLIC),
    ("GET", "/api/v1/ict/leveranciers", None, TEAM_ONLY),
    ("GET", "/api/v1/ict/applicaties", None, {**PEOPLE_ONLY, "leverancier": 200}),
    (
        "PUT",
        "/api/v1/ict/maatregelen/M01",
        {"softwareNodig": True},
        TEAM_ONLY,
    ),
    (
        "PUT",
        "/api/v1/ict/applicaties/{eigen_applicatie}/gereedheid/M01",
        {"status": "in-analyse"},
        {**TEAM_ONLY, "leverancier": 200},
    ),
    (
        "PUT",
        "/api/v1/ict/applicaties/{andere_applicatie}/gereedheid/M01",
        {"status": "in-analyse"},
        TEAM_ONLY,
    ),
    (
        "GET",
        "/api/v1/ict/leveranciers/demo-rekenwerk/overzicht",
        None,
        {**TEAM_ONLY, "leverancier": 200},
    ),
    ("GET", "/api/v1/ict/leveranciers/demo-tulpdata/overzicht", None, TEAM_ONLY),
    (
        "GET",
        "/api/v1/gemeenten/GM0344/ict",
        None,
        {
            **PEOPLE_ONLY,
            "bollenstreek": 404,
            "expert": 404,
            "partner": 404,
            "script": 404,
            "leverancier": 404,
        },
    ),
    # Contact persons are private to the programme team and the municipality itself.
    (
        "GET",
        "/api/v1/gemeenten/GM0344/contactpersonen",
        None,
        {
            "publiek": 401,
            "utrecht": 200,
            "bollenstreek": 404,
            "redacteur": 200,
            "beheerder": 200,
            "expert": 404,
            "partner": 404,
            "script": 404,
            "leverancier": 404,
        },
    ),
    (
        "GET",
        "/api/v1/gemeenten/GM0534/contactpersonen",
        None,
        {
            "publiek": 401,
            "utrecht": 404,
            "bollenstreek": 200,
            "redacteur": 200,
            "beheerder": 200,
            "expert": 404,
            "partner": 404,
            "script": 404,
            "leverancier": 404,
        },
    ),
]


def _cases() -> list[object]:
    return [
        pytest.param(method, path, body, role, expected[role], id=f"{method} {path} als {role}")
        for method, path, body, expected in MATRIX
        for role in ROLES
    ]


def supplier_applications(db: Session) -> dict[str, int]:
    """An application of the demo supplier client's own organisation, and one of another."""
    own = db.scalar(
        select(Application.id).where(Application.supplier_code == SUPPLIER_CLIENT.organisation)
    )
    other = db.scalar(
        select(Application.id).where(Application.supplier_code != SUPPLIER_CLIENT.organisation)
    )
    assert own is not None
    assert other is not None
    return {"eigen_applicatie": own, "andere_applicatie": other}


def open_expert_requests(db: Session) -> dict[str, int]:
    """An open question of the demo data put to each organisation, for the paths above."""
    found = {}
    for organisation in ("stimulansz", "divosa"):
        query = (
            select(ExpertRequest.id)
            .where(
                ExpertRequest.organisation_code == organisation, ExpertRequest.closed_at.is_(None)
            )
            .order_by(ExpertRequest.id)
            .limit(1)
        )
        request_id = db.scalar(query)
        assert request_id is not None, f"the demo data puts a question to {organisation}"
        found[organisation] = request_id
    return found


@pytest.mark.parametrize(("method", "path", "body", "role", "status"), _cases())
async def test_access(
    clients: Callable[[], httpx.AsyncClient],
    db: Session,
    method: str,
    path: str,
    body: dict[str, object] | None,
    role: str,
    status: int,
) -> None:
    client = await as_role(role, clients)
    if "{" in path:
        path = path.format(**open_expert_requests(db), **supplier_applications(db))
    response = await client.request(method, path, json=body)
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert "@" not in response.text, "a refusal must not carry personal data"


@pytest.mark.parametrize("role", ["utrecht", "expert", "partner", "script", "leverancier"])
async def test_someone_elses_municipality_looks_like_a_missing_one(
    clients: Callable[[], httpx.AsyncClient], role: str
) -> None:
    client = await as_role(role, clients)
    other = await client.get("/api/v1/gemeenten/GM0534/contactpersonen")
    missing = await client.get("/api/v1/gemeenten/GM9999/contactpersonen")
    assert other.status_code == missing.status_code == 404
    assert other.json()["title"] == missing.json()["title"]
    assert other.json()["detail"].replace("GM0534", "X") == missing.json()["detail"].replace(
        "GM9999", "X"
    )


@pytest.mark.parametrize("role", ["redacteur", "utrecht", "expert", "partner"])
async def test_non_admins_cannot_probe_user_ids(
    clients: Callable[[], httpx.AsyncClient], role: str
) -> None:
    client = await as_role(role, clients)
    existing = await client.get("/api/v1/gebruikers/1")
    missing = await client.get("/api/v1/gebruikers/999999")
    assert existing.status_code == missing.status_code == 403
    assert existing.json()["detail"] == missing.json()["detail"]


async def test_contacts_list_shows_the_municipalitys_contact_persons(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = await as_role("redacteur", clients)
    body = (await editor.get("/api/v1/gemeenten/GM0575/contactpersonen")).json()
    assert [c["email"] for c in body["resultaten"]] == [BOLLENSTREEK]
    assert body["resultaten"][0]["organisatie"] == "demo-isd-bollenstreek"
