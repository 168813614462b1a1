"""The open-data overview's change since last month: a recount of the history (with a filter)
and, at a past reference date, the difference of the figures at both ends through
`overview_on`."""

from collections.abc import Callable
from datetime import date, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.municipalities.models import Municipality
from api.progress import aggregates
from api.progress.change import previous_period_end
from tests.auth import UTRECHT, login
from tests.progress.helpers import move_utrechts_m20
from tests.test_dashboard_change import _done_at_end_of, _share


async def test_the_overviews_change_is_a_recount_per_province_of_one_measure(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    public, contact = clients(), clients()
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)  # Utrecht's province changes this month
    response = await public.get("/api/v1/voortgang/overzicht?groep=provincie&maatregel=M20")
    assert response.status_code == 200, response.text
    body = response.json()
    today = date.fromisoformat(body["peildatum"])
    before_day = today.replace(day=1) - timedelta(days=1)
    now, _ = _done_at_end_of(db, None)
    then, _ = _done_at_end_of(db, before_day)
    province_of = dict(db.execute(select(Municipality.code, Municipality.province_code)).all())
    sizes: dict[str, int] = {}
    for province in province_of.values():
        sizes[province] = sizes.get(province, 0) + 1

    assert {g["groep"]["code"] for g in body["groepen"]} == set(sizes)
    for group in body["groepen"]:
        code, cells = group["groep"]["code"], sizes[group["groep"]["code"]]
        done_now = sum(n for (p, m), n in now.items() if m == "M20" and province_of[p] == code)
        done_then = sum(n for (p, m), n in then.items() if m == "M20" and province_of[p] == code)
        assert group["cellen"] == cells
        assert group["vorigePeriode"]["peildatum"] == before_day.isoformat(), code
        assert group["vorigePeriode"]["sinds"] == today.replace(day=1).isoformat(), code
        assert group["vorigePeriode"]["aandeelGeimplementeerd"] == _share(done_then, cells), code
        assert group["verandering"]["aandeelGeimplementeerd"] == round(
            (_share(done_now, cells) - _share(done_then, cells)) * 100, 1
        ), code
    utrecht = next(g for g in body["groepen"] if g["groep"]["code"] == "PV26")
    assert utrecht["verandering"]["aandeelGeimplementeerd"] != 0

    # The province's page carries the change of its group over every measure.
    page = (await public.get("/api/v1/provincies/PV26/voortgang")).json()["cijfers"]
    whole = (await public.get("/api/v1/voortgang/overzicht?groep=provincie")).json()["groepen"]
    group = next(g for g in whole if g["groep"]["code"] == "PV26")
    assert page["vorigePeriode"] == group["vorigePeriode"]
    assert page["verandering"] == group["verandering"]
    assert page["verandering"]["aandeelGeimplementeerd"] != 0

    # The kept answer is not stale after a write: the change follows the figures.
    await move_utrechts_m20(contact)
    again = (await public.get("/api/v1/voortgang/overzicht?groep=provincie&maatregel=M20")).json()
    assert again["groepen"] != body["groepen"]


async def test_at_a_past_reference_date_the_change_is_against_the_month_before_it(
    client: httpx.AsyncClient, db: Session
) -> None:
    now = (await client.get("/api/v1/voortgang/overzicht")).json()
    today = date.fromisoformat(now["peildatum"])
    day = today - timedelta(days=45)
    before = previous_period_end(day)
    response = await client.get(f"/api/v1/voortgang/overzicht?groep=fase&peildatum={day}")
    assert response.status_code == 200, response.text
    body = response.json()
    then = aggregates.overview_on(db, State(), today, "fase", as_of=day)
    earlier = aggregates.overview_on(db, State(), today, "fase", as_of=before)
    assert body["peildatum"] == day.isoformat()
    assert len(body["groepen"]) == len(then.groepen) > 0
    for group, at, prior in zip(body["groepen"], then.groepen, earlier.groepen, strict=True):
        assert group["groep"]["code"] == at.groep.code == prior.groep.code
        assert group["vorigePeriode"]["peildatum"] == before.isoformat()
        assert group["vorigePeriode"]["teLaat"] == prior.te_laat
        assert group["verandering"]["teLaat"] == at.te_laat - prior.te_laat
        assert group["verandering"]["risico"] == at.risico - prior.risico
        assert group["verandering"]["aandeelGeimplementeerd"] == round(
            (at.aandeel_geimplementeerd - prior.aandeel_geimplementeerd) * 100, 1
        )
