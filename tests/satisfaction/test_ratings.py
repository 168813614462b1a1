"""Rating an answer from the mail: one token per asker's question, which records a score only
by a PUT, may change it within the window and not after, and touches nothing but its own
question; merged duplicates each rate for themselves; a signed-in asker rates on her page."""

from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core import clock
from api.satisfaction.models import AnswerRating
from tests.questions.helpers import answer, ask, contact, editor, log_call, move
from tests.satisfaction.helpers import RATING, answer_mails, latest_token, rating_links, token_in

ANSWER = "De vrijlating geldt per persoon, niet per huishouden."
JANSEN = "p.jansen@voorbeeldgemeente.example"


def _rating(db: Session, question_id: object) -> AnswerRating | None:
    db.expire_all()
    return db.scalars(select(AnswerRating).where(AnswerRating.question_id == question_id)).first()


async def _answered_call(clients: object, outbox: Path, **asker: object) -> tuple[dict, str]:
    e = await editor(clients)
    q = await log_call(e, **asker)
    await answer(e, q["id"], ANSWER)
    return q, latest_token(outbox, JANSEN)


async def test_the_answer_mail_asks_once_with_five_links_and_opening_them_records_nothing(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    q, token = await _answered_call(clients, tmp_path / "outbox")
    [mail] = answer_mails(tmp_path / "outbox", JANSEN)
    body = mail.get_content()
    assert body.count("Hoe nuttig was dit antwoord?") == 1
    assert [s for _, s in rating_links(mail)] == [1, 2, 3, 4, 5]
    assert "https://spoorboek.example/antwoord-beoordelen?token=" in body
    # A scanner fetches every link of the mail, with and without the score.
    for score in range(1, 6):
        fetched = await client.get(RATING, params={"token": token, "score": score})
        assert fetched.status_code == 200, fetched.text
        assert fetched.json()["score"] is None
    rating = _rating(db, q["id"])
    assert rating is not None
    assert rating.score is None
    assert rating.rated_at is None
    # Only the hash is kept.
    assert rating.token_hash != token
    assert token not in rating.token_hash


async def test_the_token_records_a_score_changes_it_within_the_window_and_not_after(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    q, token = await _answered_call(clients, tmp_path / "outbox")
    first = await client.put(RATING, params={"token": token}, json={"score": 4})
    assert first.status_code == 200, first.text
    assert first.json()["score"] == 4
    assert first.json()["vraagId"] == q["id"]
    assert first.json()["onderwerp"] == q["onderwerp"]
    assert first.json()["wijzigbaar"] is True
    rated_at = first.json()["beoordeeldOp"]
    assert rated_at is not None
    changed = await client.put(
        RATING, params={"token": token}, json={"score": 5, "toelichting": "Helder en snel."}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["score"] == 5
    assert changed.json()["toelichting"] == "Helder en snel."
    assert changed.json()["beoordeeldOp"] == rated_at
    for score in (2, 3, 5):
        again = await client.put(RATING, params={"token": token}, json={"score": score})
        assert again.json()["score"] == score
    until = _rating(db, q["id"]).changeable_until  # type: ignore[union-attr]
    assert timedelta(days=13, hours=23) < until - clock.now() <= timedelta(days=14)

    with clock.fixed_clock(until + timedelta(seconds=1)):
        late = await client.put(
            RATING, params={"token": token}, json={"score": 1, "toelichting": "Te laat"}
        )
        assert late.status_code == 409, late.text
        assert late.headers["content-type"].startswith("application/problem+json")
        assert "voorbij" in late.json()["detail"]
        read = (await client.get(RATING, params={"token": token})).json()
        assert read["wijzigbaar"] is False
    assert read["score"] == 5
    assert read["toelichting"] is None
    rating = _rating(db, q["id"])
    assert rating is not None
    assert rating.score == 5
    assert rating.comment is None


async def test_a_token_rates_only_its_own_question_by_any_path_or_parameter(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    x, token = await _answered_call(clients, tmp_path / "outbox")
    y, other = await _answered_call(
        clients, tmp_path / "outbox", vraag="Telt een gift van de buren mee?"
    )
    assert token != other
    read = await client.get(RATING, params={"token": token, "vraagId": y["id"], "id": y["id"]})
    assert read.json()["vraagId"] == x["id"]
    sneaky = await client.put(
        RATING, params={"token": token}, json={"score": 1, "vraagId": y["id"]}
    )
    assert sneaky.status_code == 400
    by_param = await client.put(
        RATING, params={"token": token, "vraagId": y["id"]}, json={"score": 1}
    )
    assert by_param.json()["vraagId"] == x["id"]
    by_path = await client.put(
        f"/api/v1/vragen/{y['id']}/beoordeling", params={"token": token}, json={"score": 1}
    )
    assert by_path.status_code == 401
    rating_y = _rating(db, y["id"])
    assert rating_y is not None
    assert rating_y.score is None
    assert _rating(db, x["id"]).score == 1  # type: ignore[union-attr]
    # An unknown token, or one off by a character, names no question at all.
    for wrong in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 43):
        for response in (
            await client.get(RATING, params={"token": wrong}),
            await client.put(RATING, params={"token": wrong}, json={"score": 3}),
        ):
            assert response.status_code == 404
            # Not the bare number: a problem's random request id may hold those digits.
            assert "vraagId" not in response.json()
            assert f"vraag {y['id']}" not in response.text.lower()
            assert y["onderwerp"] not in response.text
    assert (await client.get(RATING, params={"token": "kort"})).status_code == 400


async def test_bad_scores_and_comments_are_refused_and_change_nothing(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    q, token = await _answered_call(clients, tmp_path / "outbox")
    for body in (
        {"score": 0},
        {"score": 6},
        {"score": "vier"},
        {},
        {"score": 3, "toelichting": "x" * 1001},
        {"score": 3, "toelichting": "bel\x07mij"},
    ):
        response = await client.put(RATING, params={"token": token}, json=body)
        assert response.status_code == 400, (body, response.text)
    assert _rating(db, q["id"]).score is None  # type: ignore[union-attr]
    multiline = await client.put(
        RATING, params={"token": token}, json={"score": 3, "toelichting": "Goed.\nDank!"}
    )
    assert multiline.status_code == 200
    assert multiline.json()["toelichting"] == "Goed.\nDank!"


async def test_merged_duplicates_each_get_their_own_link_and_rate_for_themselves(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    e = await editor(clients)
    main = await log_call(e)
    duplicate = await log_call(
        e,
        vraag="Geldt de vrijlating van giften voor iedereen in het huishouden apart?",
        vragensteller={"naam": "Kees de Laat", "email": "k.laat@gemeente.example"},
    )
    merged = await e.post(
        f"/api/v1/vragen/{main['id']}/samenvoegingen", json={"vraagId": duplicate["id"]}
    )
    assert merged.status_code == 200, merged.text
    await answer(e, main["id"], ANSWER)
    outbox = tmp_path / "outbox"
    petra = latest_token(outbox, JANSEN)
    kees = latest_token(outbox, "k.laat@gemeente.example")
    assert petra != kees
    assert (await client.put(RATING, params={"token": kees}, json={"score": 2})).json()[
        "vraagId"
    ] == duplicate["id"]
    assert (await client.put(RATING, params={"token": petra}, json={"score": 5})).json()[
        "vraagId"
    ] == main["id"]
    assert _rating(db, duplicate["id"]).score == 2  # type: ignore[union-attr]
    assert _rating(db, main["id"]).score == 5  # type: ignore[union-attr]
    # The duplicate's mail names only her own question's subject.
    kees_view = (await client.get(RATING, params={"token": kees})).json()
    assert kees_view["onderwerp"] == duplicate["onderwerp"]


async def test_a_second_answer_keeps_the_score_and_opens_the_window_again(
    clients: object, client: httpx.AsyncClient, db: Session, tmp_path: Path
) -> None:
    outbox = tmp_path / "outbox"
    e = await editor(clients)
    q = await log_call(e)
    await answer(e, q["id"], ANSWER)
    old = latest_token(outbox, JANSEN)
    await client.put(RATING, params={"token": old}, json={"score": 4, "toelichting": "Prima."})
    before = _rating(db, q["id"])
    assert before is not None
    first_until, rated_at = before.changeable_until, before.rated_at
    reopened = await move(e, q["id"], "toegewezen", toelichting="Vervolgvraag per telefoon.")
    assert reopened.status_code == 200, reopened.text
    later = first_until - timedelta(days=3)
    with clock.fixed_clock(later):
        again = await move(
            e, q["id"], "beantwoord", antwoord=ANSWER + " Ook voor giften in natura."
        )
        assert again.status_code == 200, again.text
    new = latest_token(outbox, JANSEN)
    assert new != old
    assert len(answer_mails(outbox, JANSEN)) == 2
    # The first mail's links give way to the newest: one rating, one live link.
    assert (await client.get(RATING, params={"token": old})).status_code == 404
    read = (await client.get(RATING, params={"token": new})).json()
    assert read["score"] == 4
    assert read["toelichting"] == "Prima."
    after = _rating(db, q["id"])
    assert after is not None
    assert after.id == before.id
    assert after.rated_at == rated_at
    assert after.changeable_until == later + timedelta(days=14)


async def test_an_asker_without_address_or_account_gets_no_rating(
    clients: object, db: Session, tmp_path: Path
) -> None:
    e = await editor(clients)
    q = await log_call(e, vragensteller={"naam": "Anoniem aan de telefoon"})
    await answer(e, q["id"], ANSWER)
    assert _rating(db, q["id"]) is None
    assert (await e.get(f"/api/v1/vragen/{q['id']}/beoordeling")).status_code == 404


async def test_a_signed_in_asker_rates_on_her_question_page_and_only_she_does(
    clients: object, db: Session, tmp_path: Path
) -> None:
    e = await editor(clients)
    c = await contact(clients)
    q = await ask(c)
    await answer(e, q["id"], ANSWER)
    # Her mail has the links too.
    token_in(answer_mails(tmp_path / "outbox", "utrecht@demo.spoorboek.example")[-1])
    path = f"/api/v1/vragen/{q['id']}/beoordeling"
    unrated = await c.get(path)
    assert unrated.status_code == 200
    assert unrated.json()["score"] is None
    rated = await c.put(path, json={"score": 3, "toelichting": "Duidelijk, maar laat."})
    assert rated.status_code == 200, rated.text
    assert rated.json()["score"] == 3
    # The advisor reads it but never rates in her name.
    assert (await e.put(path, json={"score": 5})).status_code == 404
    assert _rating(db, q["id"]).score == 3  # type: ignore[union-attr]
    with clock.fixed_clock(clock.now() + timedelta(days=15)):
        late = await c.put(path, json={"score": 1})
    assert late.status_code == 409, late.text
    assert _rating(db, q["id"]).score == 3  # type: ignore[union-attr]
