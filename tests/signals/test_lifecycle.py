"""Every legal and illegal move of a signal, what each move asks for, and its history and
audit trail."""

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.signals.lifecycle import TRANSITIONS
from api.signals.models import SignalStatus
from tests.signals.helpers import REQUIRED, editor, move, report, walk

LEGAL = [(current, target) for current, allowed in TRANSITIONS.items() for target in allowed]
ILLEGAL = [
    (current, target)
    for current, allowed in TRANSITIONS.items()
    for target in SignalStatus
    if target not in allowed
]


@pytest.mark.parametrize(("current", "target"), LEGAL, ids=lambda s: s.value)
async def test_every_legal_move_is_made_and_recorded(
    clients: object, db: Session, current: SignalStatus, target: SignalStatus
) -> None:
    e = await editor(clients)
    signal = await report(e)
    await walk(e, signal["id"], current.value)
    response = await move(e, signal["id"], target.value, **REQUIRED.get(target.value, {}))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == target.value
    history = (await e.get(f"/api/v1/signalen/{signal['id']}/geschiedenis")).json()["resultaten"]
    assert (history[-1]["van"], history[-1]["naar"]) == (current.value, target.value)
    audited = db.scalars(
        select(AuditEvent).where(
            AuditEvent.event == "signal.status", AuditEvent.subject == f"signal:{signal['id']}"
        )
    ).all()
    assert audited[-1].details == {"van": current.value, "naar": target.value}


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=lambda s: s.value)
async def test_every_illegal_move_is_a_409_and_changes_nothing(
    clients: object, current: SignalStatus, target: SignalStatus
) -> None:
    e = await editor(clients)
    signal = await report(e)
    await walk(e, signal["id"], current.value)
    before = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    response = await move(e, signal["id"], target.value, **REQUIRED.get(target.value, {}))
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == "application/problem+json"
    after = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    assert after == before


async def test_the_full_path_keeps_who_it_went_to_and_what_came_back(clients: object) -> None:
    e = await editor(clients)
    signal = await report(e)
    await walk(e, signal["id"], "teruggekoppeld")
    read = (await e.get(f"/api/v1/signalen/{signal['id']}")).json()
    assert read["doorgezet"]["aan"] == "spoor-2"
    assert read["doorgezet"]["tekst"] == REQUIRED["doorgezet"]["tekst"]
    assert read["doorgezet"]["door"]["naam"]
    assert read["reactie"]["uitkomst"] == "wetswijziging"
    assert read["reactie"]["tekst"] == REQUIRED["reactie-ontvangen"]["tekst"]
    history = (await e.get(f"/api/v1/signalen/{signal['id']}/geschiedenis")).json()["resultaten"]
    editor_name = read["doorgezet"]["door"]["naam"]
    assert {h["doorNaam"] for h in history} == {editor_name}
    assert [h["naar"] for h in history if h["soort"] == "status"] == [
        "in-behandeling",
        "doorgezet",
        "reactie-ontvangen",
        "teruggekoppeld",
    ]


@pytest.mark.parametrize(
    ("target", "body", "field"),
    [
        ("doorgezet", {"tekst": "Met het bewijs."}, "aan"),
        ("doorgezet", {"aan": "szw"}, "tekst"),
        ("reactie-ontvangen", {"uitkomst": "handreiking"}, "tekst"),
        ("reactie-ontvangen", {"tekst": "Komt in de handreiking."}, "uitkomst"),
        ("reactie-ontvangen", {"tekst": "Niets te doen.", "uitkomst": "geen"}, "toelichting"),
        ("afgewezen", {}, "tekst"),
    ],
)
async def test_a_move_without_what_it_needs_is_a_400_naming_the_field(
    clients: object, target: str, body: dict[str, object], field: str
) -> None:
    e = await editor(clients)
    signal = await report(e)
    await walk(e, signal["id"], {"doorgezet": "in-behandeling"}.get(target, "doorgezet"))
    if target == "afgewezen":
        signal = await report(e)
    response = await move(e, signal["id"], target, **body)
    assert response.status_code == 400, response.text
    assert field in [p["name"] for p in response.json()["invalidParams"]]


async def test_a_stale_version_is_refused_with_412(clients: object) -> None:
    e = await editor(clients)
    signal = await report(e)
    etag = (await e.get(f"/api/v1/signalen/{signal['id']}")).headers["ETag"]
    await e.patch(f"/api/v1/signalen/{signal['id']}", json={"titel": "Een nieuwe titel hier"})
    response = await e.post(
        f"/api/v1/signalen/{signal['id']}/statuswijzigingen",
        json={"naar": "in-behandeling"},
        headers={"If-Match": etag},
    )
    assert response.status_code == 412, response.text
