"""Every transition of a question, the rules each one checks, stale writes, merging duplicates,
internal notes and the mail askers receive."""

from pathlib import Path

import httpx
import pytest

from api.questions.workflow import TRANSITIONS
from tests.auth import ADMIN, login, mails
from tests.questions.helpers import answer, ask, contact, editor, editor_id, log_call, move


async def test_the_full_path_from_new_to_closed_is_recorded_in_the_history(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    me = await editor_id(e)
    assert (await move(e, q["id"], "beoordeeld")).json()["status"] == "beoordeeld"
    assigned = (await move(e, q["id"], "toegewezen", behandelaarId=me)).json()
    assert assigned["behandelaar"]["id"] == me
    waiting = await move(e, q["id"], "wacht-op-expert", expertOrganisatie="divosa")
    assert waiting.status_code == 200, waiting.text
    expert = waiting.json()["expert"]
    assert expert["organisatie"]["code"] == "divosa"
    assert expert["termijn"] > q["ontvangenOp"][:10]
    answered = (await move(e, q["id"], "beantwoord", antwoord="Het antwoord.")).json()
    assert answered["expert"] is None
    assert answered["antwoord"] == "Het antwoord."
    closed = (await move(e, q["id"], "gesloten")).json()
    assert closed["status"] == "gesloten"
    assert closed["geslotenOp"]
    history = (await e.get(f"/api/v1/vragen/{q['id']}/geschiedenis")).json()["resultaten"]
    steps = [(h["van"], h["naar"]) for h in history if h["soort"] == "status"]
    assert steps == [
        ("nieuw", "beoordeeld"),
        ("beoordeeld", "toegewezen"),
        ("toegewezen", "wacht-op-expert"),
        ("wacht-op-expert", "beantwoord"),
        ("beantwoord", "gesloten"),
    ]
    assert history[0]["soort"] == "ingediend"


ILLEGAL = [
    (current, target)
    for current, allowed in TRANSITIONS.items()
    for target in TRANSITIONS
    if target not in allowed and target is not current
]


async def _question_in(e: object, status: str) -> dict[str, object]:
    q = await log_call(e)  # type: ignore[arg-type]
    me = await editor_id(e)  # type: ignore[arg-type]
    path = {
        "nieuw": [],
        "beoordeeld": [("beoordeeld", {})],
        "toegewezen": [("toegewezen", {"behandelaarId": me})],
        "wacht-op-expert": [
            ("toegewezen", {"behandelaarId": me}),
            ("wacht-op-expert", {"expertOrganisatie": "szw"}),
        ],
        "beantwoord": [("toegewezen", {"behandelaarId": me}), ("beantwoord", {"antwoord": "Ja."})],
        "gesloten": [("gesloten", {"toelichting": "Geen vraag, een compliment."})],
    }[status]
    for target, extra in path:
        response = await move(e, q["id"], target, **extra)  # type: ignore[arg-type]
        assert response.status_code == 200, response.text
    return q


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=lambda s: str(s))
async def test_illegal_transitions_are_a_conflict_and_change_nothing(
    clients: object, current: str, target: str
) -> None:
    e = await editor(clients)
    q = await _question_in(e, current)
    before = (await e.get(f"/api/v1/vragen/{q['id']}")).json()
    response = await move(e, q["id"], target, behandelaarId=1, antwoord="x", toelichting="x")
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["huidigeStatus"] == current
    assert response.json()["type"].endswith("/probleemtypen/statusovergang-niet-toegestaan")
    assert (await e.get(f"/api/v1/vragen/{q['id']}")).json() == before


@pytest.mark.parametrize(
    ("target", "body", "param"),
    [
        ("toegewezen", {}, "behandelaarId"),
        ("toegewezen", {"behandelaarId": 999999}, "behandelaarId"),
        ("toegewezen", {"behandelaarId": 2**31}, "behandelaarId"),
        ("gesloten", {}, "toelichting"),
    ],
)
async def test_transitions_check_what_they_need(
    clients: object, target: str, body: dict[str, object], param: str
) -> None:
    e = await editor(clients)
    q = await log_call(e)
    response = await move(e, q["id"], target, **body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [param]


async def test_a_municipal_contact_cannot_be_made_the_handling_advisor(clients: object) -> None:
    e = await editor(clients)
    c = await contact(clients)
    contact_id = (await c.get("/api/v1/mijn-account")).json()["id"]
    q = await log_call(e)
    response = await move(e, q["id"], "toegewezen", behandelaarId=contact_id)
    assert response.status_code == 400


async def test_expert_and_answer_steps_need_their_fields(clients: object) -> None:
    e = await editor(clients)
    q = await _question_in(e, "toegewezen")
    missing = await move(e, q["id"], "wacht-op-expert")
    assert [p["name"] for p in missing.json()["invalidParams"]] == ["expertOrganisatie"]
    unknown = await move(e, q["id"], "wacht-op-expert", expertOrganisatie="bestaat-niet")
    assert unknown.status_code == 400
    past = await move(
        e, q["id"], "wacht-op-expert", expertOrganisatie="szw", expertTermijn="2020-01-01"
    )
    assert [p["name"] for p in past.json()["invalidParams"]] == ["expertTermijn"]
    blank = await move(e, q["id"], "beantwoord", antwoord="   ")
    assert [p["name"] for p in blank.json()["invalidParams"]] == ["antwoord"]


async def test_the_asker_is_mailed_the_answer_and_a_reopened_question_gets_a_new_term(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    q = await log_call(e, ontvangenOp="2026-01-05T09:00:00+01:00")
    await answer(e, q["id"], "U mag giften tot het nieuwe bedrag vrijlaten.")
    sent = mails(tmp_path / "outbox")
    assert [m["To"] for m in sent] == ["p.jansen@voorbeeldgemeente.example"] * 2
    assert "U mag giften tot het nieuwe bedrag vrijlaten." in sent[-1].get_content()
    no_reason = await move(e, q["id"], "toegewezen")
    assert no_reason.status_code == 400
    reopened = await move(e, q["id"], "toegewezen", toelichting="Vervolgvraag per telefoon.")
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["termijn"] > q["termijn"]
    assert reopened.json()["termijnStatus"] == "op-tijd"


async def test_a_stale_if_match_is_refused_and_changes_nothing(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    read = await e.get(f"/api/v1/vragen/{q['id']}")
    etag = read.headers["etag"]
    first = await e.patch(
        f"/api/v1/vragen/{q['id']}", json={"thema": None}, headers={"If-Match": etag}
    )
    assert first.status_code == 200
    stale = await e.post(
        f"/api/v1/vragen/{q['id']}/statuswijzigingen",
        json={"naar": "beoordeeld"},
        headers={"If-Match": etag},
    )
    assert stale.status_code == 412
    assert stale.headers["etag"] == first.headers["etag"]
    assert (await e.get(f"/api/v1/vragen/{q['id']}")).json()["status"] == "nieuw"


async def test_an_empty_if_match_is_refused_with_428_and_changes_nothing(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    for refused in (
        await e.patch(f"/api/v1/vragen/{q['id']}", json={"thema": None}, headers={"If-Match": ""}),
        await e.post(
            f"/api/v1/vragen/{q['id']}/statuswijzigingen",
            json={"naar": "beoordeeld"},
            headers={"If-Match": ""},
        ),
    ):
        assert refused.status_code == 428, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
    after = (await e.get(f"/api/v1/vragen/{q['id']}")).json()
    assert (after["status"], after["versie"]) == ("nieuw", q["versie"])


async def test_triage_sets_measures_and_theme_and_reports_unknown_codes(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    themes = (await e.get("/api/v1/themas")).json()["resultaten"]
    changed = await e.patch(
        f"/api/v1/vragen/{q['id']}",
        json={"maatregelen": ["M02", "M01"], "thema": themes[0]["code"], "onderwerp": "Giften"},
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert [m["code"] for m in body["maatregelen"]] == ["M01", "M02"]
    assert body["thema"]["code"] == themes[0]["code"]
    assert body["onderwerp"] == "Giften"
    wrong = await e.patch(
        f"/api/v1/vragen/{q['id']}", json={"maatregelen": ["M99"], "thema": "geen-thema"}
    )
    assert wrong.status_code == 400
    assert sorted(p["name"] for p in wrong.json()["invalidParams"]) == ["maatregelen", "thema"]


async def test_merging_keeps_every_asker_and_both_hear_the_answer(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    c = await contact(clients)
    main = await log_call(e)
    duplicate = await ask(c, maatregelen=["M02"])
    merged = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": duplicate["id"]}
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["samengevoegdeVragen"] == [duplicate["id"]]
    assert [m["code"] for m in merged.json()["maatregelen"]] == ["M01", "M02"]
    again = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": duplicate["id"]}
    )
    assert again.status_code == 409
    itself = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": main["id"]}
    )
    assert itself.status_code == 400
    handled = await move(e, duplicate["id"], "toegewezen", behandelaarId=1)
    assert handled.status_code == 409
    assert handled.json()["type"].endswith("/probleemtypen/vraag-samengevoegd")
    await answer(e, main["id"], "Beide vragen hebben hetzelfde antwoord.")
    answers = [m for m in mails(tmp_path / "outbox") if m["Subject"].startswith("Antwoord")]
    assert sorted(m["To"] for m in answers) == [
        "p.jansen@voorbeeldgemeente.example",
        "utrecht@demo.spoorboek.example",
    ]
    # The contact reads her own question and finds the answer given to the merged one.
    own = (await c.get(f"/api/v1/vragen/{duplicate['id']}")).json()
    assert own["antwoord"] == "Beide vragen hebben hetzelfde antwoord."
    assert own["status"] == "beantwoord"
    assert own["samengevoegdMet"] == main["id"]


async def test_internal_notes_stay_with_the_team(clients: object) -> None:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    added = await e.post(f"/api/v1/vragen/{q['id']}/notities", json={"tekst": "Bel SZW even."})
    assert added.status_code == 201
    notes = (await e.get(f"/api/v1/vragen/{q['id']}/notities")).json()["resultaten"]
    assert [n["tekst"] for n in notes] == ["Bel SZW even."]
    assert (await c.get(f"/api/v1/vragen/{q['id']}/notities")).status_code == 403
    assert (
        await c.post(f"/api/v1/vragen/{q['id']}/notities", json={"tekst": "x"})
    ).status_code == 403
    assert "Bel SZW" not in (await c.get(f"/api/v1/vragen/{q['id']}")).text
    assert (await c.get(f"/api/v1/vragen/{q['id']}/geschiedenis")).status_code == 403


async def test_an_assigned_question_can_go_to_another_advisor(clients: object) -> None:
    e = await editor(clients)
    admin: httpx.AsyncClient = clients()  # type: ignore[operator]
    await login(admin, ADMIN)
    admin_id = (await admin.get("/api/v1/mijn-account")).json()["id"]
    q = await _question_in(e, "toegewezen")
    handed = await move(e, q["id"], "toegewezen", behandelaarId=admin_id)
    assert handed.status_code == 200, handed.text
    assert handed.json()["behandelaar"]["id"] == admin_id


async def test_a_reopened_question_no_longer_counts_as_answered(clients: object) -> None:
    e = await editor(clients)
    q = await _question_in(e, "beantwoord")
    reopened = await move(e, q["id"], "toegewezen", toelichting="Vervolgvraag.")
    assert reopened.json()["beantwoordOp"] is None
    assert reopened.json()["antwoord"] == "Ja."  # kept as a starting point


async def test_merging_into_a_closed_answered_question_still_sends_the_answer(
    clients: object, tmp_path: Path
) -> None:
    e = await editor(clients)
    main = await _question_in(e, "beantwoord")
    assert (await move(e, main["id"], "gesloten")).status_code == 200
    late = await log_call(
        e, vragensteller={"naam": "Kees Laat", "email": "k.laat@gemeente.example"}
    )
    merged = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": late["id"]}
    )
    assert merged.status_code == 200
    assert mails(tmp_path / "outbox")[-1]["To"] == "k.laat@gemeente.example"


async def test_notes_and_history_of_a_missing_question_are_not_found(clients: object) -> None:
    e = await editor(clients)
    assert (await e.get("/api/v1/vragen/99999999/notities")).status_code == 404
    assert (await e.get("/api/v1/vragen/99999999/geschiedenis")).status_code == 404
    assert (
        await e.post("/api/v1/vragen/99999999/notities", json={"tekst": "x"})
    ).status_code == 404


async def test_a_merged_question_cannot_be_triaged(clients: object) -> None:
    e = await editor(clients)
    main = await log_call(e)
    duplicate = await log_call(e)
    await e.post(f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": duplicate["id"]})
    response = await e.patch(f"/api/v1/vragen/{duplicate['id']}", json={"onderwerp": "Nieuw"})
    assert response.status_code == 409


async def test_a_note_does_not_make_an_open_form_stale(clients: object) -> None:
    e = await editor(clients)
    q = await log_call(e)
    etag = (await e.get(f"/api/v1/vragen/{q['id']}")).headers["etag"]
    await e.post(f"/api/v1/vragen/{q['id']}/notities", json={"tekst": "Even nagevraagd."})
    moved = await e.post(
        f"/api/v1/vragen/{q['id']}/statuswijzigingen",
        json={"naar": "beoordeeld"},
        headers={"If-Match": etag},
    )
    assert moved.status_code == 200, moved.text


async def test_advisors_and_names_in_the_history(clients: object) -> None:
    e = await editor(clients)
    c = await contact(clients)
    advisors = (await e.get("/api/v1/vragen/behandelaars")).json()["resultaten"]
    me = await editor_id(e)
    contact_id = (await c.get("/api/v1/mijn-account")).json()["id"]
    assert me in [a["id"] for a in advisors]
    assert contact_id not in [a["id"] for a in advisors]
    assert (await c.get("/api/v1/vragen/behandelaars")).status_code == 403
    q = await log_call(e)
    await move(e, q["id"], "beoordeeld")
    history = (await e.get(f"/api/v1/vragen/{q['id']}/geschiedenis")).json()["resultaten"]
    names = {a["id"]: a["naam"] for a in advisors}
    assert history[-1]["doorNaam"] == names[me]
