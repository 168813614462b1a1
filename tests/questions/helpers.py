"""Asking, handling and publishing questions through the API for tests."""

import httpx

from tests.auth import EDITOR, UTRECHT, login


async def contact(clients: object) -> httpx.AsyncClient:
    client: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(client, UTRECHT)
    return client


async def editor(clients: object) -> httpx.AsyncClient:
    client: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(client, EDITOR)
    return client


async def ask(client: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "onderwerp": "Vrijlating van giften",
        "vraag": "Hoe passen wij de nieuwe vrijlating van giften toe bij een bijstandsuitkering?",
        "maatregelen": ["M01"],
    }
    body.update(overrides)
    response = await client.post("/api/v1/vragen", json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def log_call(client: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    """An editor records a phone call for someone without an account."""
    body: dict[str, object] = {
        "kanaal": "telefoon",
        "vragensteller": {
            "naam": "Petra Jansen",
            "email": "p.jansen@voorbeeldgemeente.example",
            "organisatie": "Gemeente Utrecht",
        },
        "gemeente": "GM0344",
    }
    body.update(overrides)
    return await ask(client, **body)


async def move(
    client: httpx.AsyncClient, question_id: object, target: str, **extra: object
) -> httpx.Response:
    return await client.post(
        f"/api/v1/vragen/{question_id}/statuswijzigingen", json={"naar": target, **extra}
    )


async def editor_id(client: httpx.AsyncClient) -> int:
    me = await client.get("/api/v1/mijn-account")
    return int(me.json()["id"])


async def answer(client: httpx.AsyncClient, question_id: object, text: str) -> dict[str, object]:
    """Takes a question from new to answered by the calling editor."""
    me = await editor_id(client)
    assigned = await move(client, question_id, "toegewezen", behandelaarId=me)
    assert assigned.status_code == 200, assigned.text
    answered = await move(client, question_id, "beantwoord", antwoord=text)
    assert answered.status_code == 200, answered.text
    return answered.json()  # type: ignore[no-any-return]
