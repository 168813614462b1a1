"""A kept public answer is sent again before routing to anonymous callers, and only while its
version is current: a write is seen at once, a signed-in caller or an Accept the API does not
serve always reaches the route."""

import asyncio
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.core.kept import index_of, key_reads_of
from api.main import create_app
from api.measures.models import Measure
from tests.auth import EDITOR, login
from tests.conftest import api_of, make_settings

MEASURES = "/api/v1/maatregelen?paginaGrootte=100"


def answered(app: FastAPI) -> int:
    return index_of(api_of(app).state).answered


def _has_front(app: FastAPI) -> bool:
    return "KeptAnswers" in {m.cls.__name__ for m in api_of(app).user_middleware}  # type: ignore[attr-defined]


def test_the_front_is_on_by_default_and_can_be_switched_off(tmp_path: Path) -> None:
    assert _has_front(create_app(make_settings("sqlite://", tmp_path)))
    assert not _has_front(
        create_app(make_settings("sqlite://", tmp_path, kept_answers_first=False))
    )


async def test_a_kept_answer_is_sent_again_before_routing(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    built = await client.get(MEASURES)
    assert answered(app) == 0
    again = await client.get(MEASURES)
    assert answered(app) == 1
    assert again.content == built.content
    for header in ("etag", "cache-control", "content-type", "api-version", "content-encoding"):
        assert again.headers.get(header) == built.headers.get(header), header
    revalidated = await client.get(MEASURES, headers={"If-None-Match": built.headers["etag"]})
    assert revalidated.status_code == 304
    assert answered(app) == 2


async def test_a_write_is_seen_at_once(
    client: httpx.AsyncClient, app: FastAPI, db: Session
) -> None:
    before = await client.get(MEASURES)
    await client.get(MEASURES)
    assert answered(app) == 1
    db.execute(update(Measure).where(Measure.code == "M05").values(title="Na de wijziging"))
    db.flush()
    after = await client.get(MEASURES)
    assert answered(app) == 1, "the route built the new version"
    assert after.headers["etag"] != before.headers["etag"]
    assert "Na de wijziging" in after.text
    assert (await client.get(MEASURES)).content == after.content
    assert answered(app) == 2


async def test_anonymous_callers_at_once_share_the_version_reads(
    client: httpx.AsyncClient, app: FastAPI, db: Session
) -> None:
    built = await client.get(MEASURES)
    reads = key_reads_of(api_of(app).state)
    before = reads.rounds
    answers = await asyncio.gather(*(client.get(MEASURES) for _ in range(20)))
    assert {answer.content for answer in answers} == {built.content}
    assert answered(app) == 20
    assert reads.rounds - before <= 2, "twenty callers at once, one or two rounds"
    db.execute(update(Measure).where(Measure.code == "M05").values(title="Na de wijziging"))
    db.flush()
    # One caller at a time reaches the route (the test's one session serves a route at a time).
    after = await client.get(MEASURES)
    assert "Na de wijziging" in after.text
    again = await asyncio.gather(*(client.get(MEASURES) for _ in range(20)))
    assert {answer.content for answer in again} == {after.content}


async def test_signed_in_callers_and_other_media_types_reach_the_route(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    public, editor = clients(), clients()
    await public.get(MEASURES)
    await login(editor, EDITOR)
    assert (await editor.get(MEASURES)).status_code == 200
    await public.get(MEASURES, headers={"Authorization": "Bearer x"})
    refused = await public.get(MEASURES, headers={"Accept": "text/html"})
    assert refused.status_code == 406
    assert answered(app) == 0
    assert (await public.get(MEASURES, headers={"Accept": "application/json"})).status_code == 200
    assert answered(app) == 1


async def test_figures_come_again_until_progress_changes(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    from tests.auth import UTRECHT
    from tests.progress.helpers import move_utrechts_m20

    public, contact = clients(), clients()
    first = await public.get("/api/v1/voortgang/overzicht?groep=maatregel")
    await public.get("/api/v1/voortgang/overzicht?groep=maatregel")
    assert answered(app) == 1
    await login(contact, UTRECHT)
    await move_utrechts_m20(contact)
    moved = await public.get("/api/v1/voortgang/overzicht?groep=maatregel")
    assert answered(app) == 1
    assert moved.json() != first.json()


@pytest.mark.parametrize(
    "url", ["/api/v1/producten?paginaGrootte=100", "/api/v1/producten?zoek=werk", "/api/v1/faq"]
)
async def test_lists_that_vary_by_viewer_come_again_to_anonymous_callers_only(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI, url: str
) -> None:
    public, editor = clients(), clients()
    await login(editor, EDITOR)
    seen_by_editor = await editor.get(url)
    built = await public.get(url)
    again = await public.get(url)
    assert answered(app) == 1
    assert again.content == built.content
    for header in ("etag", "cache-control", "vary", "last-modified"):
        assert again.headers.get(header) == built.headers.get(header), header
    assert (await editor.get(url)).headers["etag"] == seen_by_editor.headers["etag"]
    assert answered(app) == 1, "a signed-in caller always reaches the route"
    by_date = await public.get(url, headers={"If-Modified-Since": built.headers["last-modified"]})
    assert by_date.status_code == 304
    assert answered(app) == 1, "a revalidation by date is the route's to judge"


async def test_a_published_product_is_seen_at_once_by_the_next_anonymous_caller(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    from tests.products.helpers import create, publish

    url = "/api/v1/producten?paginaGrootte=100"
    public, editor, tester = clients(), clients(), clients()
    before = await public.get(url)
    await public.get(url)
    assert answered(app) == 1
    await login(editor, EDITOR)
    made = await create(editor, titel="Handreiking die net is gepubliceerd")
    assert (await publish(editor, tester, made["id"])).status_code == 200
    after = await public.get(url)
    assert after.headers["etag"] != before.headers["etag"]
    assert "Handreiking die net is gepubliceerd" in after.text
    assert answered(app) == 1, "the route built the new version"
