"""The inbox opens on open work: open questions first by due date, answered and closed ones
after them; an explicit sort or status filter still gets what it asks for."""

import httpx

from tests.questions.helpers import answer, editor, log_call, move

CLOSED = {"beantwoord", "gesloten"}


async def _all_pages(e: httpx.AsyncClient, **params: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    page = 1
    while True:
        response = await e.get(
            "/api/v1/vragen", params={**params, "pagina": page, "paginaGrootte": 100}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        found += body["resultaten"]
        if page >= body["paginering"]["aantalPaginas"]:
            return found
        page += 1


async def test_the_inbox_puts_open_work_first_by_due_date(clients: object) -> None:
    e = await editor(clients)
    done = await log_call(e, ontvangenOp="2026-01-05T09:00:00+01:00", maatregelen=["M05"])
    await answer(e, done["id"], "Ja, dat mag.")
    open_ = await log_call(e, maatregelen=["M05"])
    inbox = await _all_pages(e)
    closed_flags = [q["status"] in CLOSED for q in inbox]
    assert closed_flags == sorted(closed_flags)  # no open question after a closed one
    open_part = [q for q in inbox if q["status"] not in CLOSED]
    assert [q["termijn"] for q in open_part] == sorted(q["termijn"] for q in open_part)
    closed_part = [q for q in inbox if q["status"] in CLOSED]
    assert open_part
    assert closed_part
    ids = [q["id"] for q in inbox]
    assert ids.index(open_["id"]) < ids.index(done["id"])
    # Nothing is hidden: the closed work follows the open work.
    assert len(inbox) == len(await _all_pages(e, sorteer="termijn"))


async def test_an_explicit_sort_or_status_still_gets_what_it_asks_for(clients: object) -> None:
    e = await editor(clients)
    done = await log_call(e, ontvangenOp="2026-01-05T09:00:00+01:00", maatregelen=["M05"])
    await answer(e, done["id"], "Ja, dat mag.")
    assert (await move(e, done["id"], "gesloten")).status_code == 200
    open_ = await log_call(e, maatregelen=["M05"])
    by_due = [q["id"] for q in await _all_pages(e, maatregel="M05", sorteer="termijn")]
    assert by_due.index(done["id"]) < by_due.index(open_["id"])
    closed = await _all_pages(e, status="gesloten")
    assert done["id"] in [q["id"] for q in closed]
    assert {q["status"] for q in closed} == {"gesloten"}
    # The open-first key combines with any other sort.
    newest_open = await _all_pages(e, maatregel="M05", sorteer="afgerond,-ontvangenOp")
    assert [q["id"] for q in newest_open].index(open_["id"]) < [q["id"] for q in newest_open].index(
        done["id"]
    )
