"""nginx with the configuration the docs ship (docs/proxy/nginx.conf) in front of two real
workers on one database: public reads come from nginx's cache for as long as the app's
Cache-Control allows and are then revalidated, a spike sends one request to the app, signed-in
callers and writes always reach a worker, and both workers get work. Each worker writes an
access-log line for every request it answers: that is what the tests count."""

import json
import os
import shutil
import socket
import struct
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.live_server import (
    ADMIN,
    ADMIN_PASSWORD,
    HOST,
    LOOPBACK_TLS,
    LiveServer,
    live_server,
    seeded_database,
    stop,
    wait_until_healthy,
)

SHIPPED = Path(__file__).resolve().parents[1] / "docs" / "proxy" / "nginx.conf"
PUBLIC = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300"
FIGURES = "/api/v1/voortgang/overzicht"
CELL = "/api/v1/gemeenten/GM0344/voortgang/M15"


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    reason = "nginx is not installed (Debian: apt-get install nginx)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install it (.ci/run)", pytrace=False)
    pytest.skip(reason)


def render(shipped: str, workers: list[LiveServer], port: int, cache: Path) -> str:
    """The shipped configuration with this test's addresses and folders, and nothing else
    changed: a line the test no longer finds fails it, so the docs cannot drift from it."""
    replacements = {
        "server 127.0.0.1:8001;": f"server {workers[0].base_url.removeprefix('http://')};",
        "server 127.0.0.1:8002;": f"server {workers[1].base_url.removeprefix('http://')};",
        "listen 80;": f"listen {HOST}:{port};",
        "/var/cache/nginx/spoorboek": str(cache),
    }
    for line, replacement in replacements.items():
        assert shipped.count(line) == 1, f"{SHIPPED.name} no longer has exactly one {line!r}"
        shipped = shipped.replace(line, replacement)
    return shipped


def main_config(folder: Path) -> str:
    """What the shipped file leaves to the machine's own nginx.conf: process, logs, temporary
    folders. As root, the workers stay root: the default user could not write the test's
    folders."""
    temp = folder / "temp"
    return f"""
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log notice;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 256; }}
http {{
    log_format proxied '$request $status $upstream_addr "$upstream_cache_status"';
    access_log {folder}/access.log proxied;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/spoorboek.conf;
}}
"""


@dataclass(frozen=True)
class Answered:
    worker: int
    method: str
    path: str
    status: int


@dataclass
class Stack:
    url: str
    workers: list[LiveServer]
    cache: Path

    def answered(self) -> list[Answered]:
        """Every request a worker answered, from the workers' access logs."""
        found = []
        for n, worker in enumerate(self.workers):
            for line in worker.log.read_text(errors="replace").splitlines():
                entry = json.loads(line) if line.startswith("{") else {}
                if entry.get("logger") == "spoorboek.access":
                    found.append(Answered(n, entry["method"], entry["path"], entry["status"]))
        return found

    def statuses(self, path: str, method: str = "GET") -> Counter[int]:
        return Counter(a.status for a in self.answered() if (a.path, a.method) == (path, method))

    def per_worker(self, path: str) -> list[int]:
        counts = Counter(a.worker for a in self.answered() if a.path == path)
        return [counts[n] for n in range(len(self.workers))]

    def age(self, key_path: str) -> None:
        """Makes nginx's copies of `key_path` expire now, as if their minute had passed.

        A cache file starts with nginx's header: a version, then the time until which the copy
        is fresh, the seconds it may be used while revalidated and on an error, its
        Last-Modified and when it was stored (time_t each, 64-bit Linux). The values are
        checked before one is changed, so another layout fails here, not somewhere less clear."""
        # The default key: the proxy_pass URL and the request's URI.
        key = f"\nKEY: http://spoorboek{key_path}\n".encode()
        aged = 0
        for file in self.cache.rglob("*"):
            data = bytearray(file.read_bytes()) if file.is_file() else bytearray()
            if key not in data:
                continue
            valid, updating, error, _, stored = struct.unpack_from("<5q", data, 8)
            # s-maxage=60 and stale-while-revalidate=300, as the app sent them.
            assert 59 <= valid - stored <= 60, (valid, stored)
            assert (updating, error) == (300, 300)
            struct.pack_into("<q", data, 8, int(time.time()) - 1)
            file.write_bytes(bytes(data))
            aged += 1
        assert aged, f"no copy of {key_path} in the cache"


def eventually(check: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    nginx = nginx_binary()
    folder = tmp_path_factory.mktemp("proxy")
    with ExitStack() as stack, seeded_database("proxy") as database:
        # The access log as JSON at INFO: every answered request, with its path and status.
        logged = {"SPOORBOEK_LOG_LEVEL": "INFO", "SPOORBOEK_LOG_FORMAT": "json"}
        workers = [
            stack.enter_context(
                live_server(database, tmp_path_factory.mktemp(f"worker{n}"), **logged)
            )
            for n in (1, 2)
        ]
        # nginx takes over a socket bound here (its NGINX variable), so no other process can
        # take the port between choosing and binding it.
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind((HOST, 0))
        listener.listen(128)
        port = listener.getsockname()[1]
        cache = folder / "cache"
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (folder / "temp" / name).mkdir(parents=True)
        (folder / "spoorboek.conf").write_text(render(SHIPPED.read_text(), workers, port, cache))
        (folder / "nginx.conf").write_text(main_config(folder))
        with (folder / "nginx.out").open("wb") as out:
            process = subprocess.Popen(
                # -e: a build's own default error log may not be writable by this user.
                [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", "error.log"],
                env={**os.environ, "NGINX": f"{listener.fileno()};"},
                stdout=out,
                stderr=subprocess.STDOUT,
                pass_fds=(listener.fileno(),),
            )
        listener.close()
        stack.callback(stop, process)
        proxied = Stack(f"http://{HOST}:{port}", workers, cache)
        _wait_until_ready(proxied, process, folder)
        yield proxied


def _wait_until_ready(stack: Stack, process: subprocess.Popen[bytes], folder: Path) -> None:
    def what_nginx_said() -> str:
        output = (folder / "nginx.out").read_text(errors="replace")
        return output + "\n" + (folder / "error.log").read_text(errors="replace")

    wait_until_healthy(stack.url, process, what_nginx_said, timeout=15)


@pytest.fixture(scope="module")
def admin(stack: Stack) -> Iterator[httpx.Client]:
    """Signed in through the proxy: the login is a POST, which nginx passes on as it is."""
    with httpx.Client(base_url=stack.url, timeout=30) as client:
        response = client.post(
            "/api/v1/sessies", json={"email": ADMIN, "wachtwoord": ADMIN_PASSWORD}
        )
        assert response.status_code == 201, response.text
        assert "x-cache-status" not in response.headers
        assert client.cookies.get("spoorboek_sessie")
        client.headers["X-CSRF-Token"] = response.json()["csrfToken"]
        yield client


def test_a_public_read_is_kept_and_then_served_from_the_copy(stack: Stack) -> None:
    path = "/api/v1/dashboard"
    with httpx.Client(base_url=stack.url) as public:
        first = public.get(path)
        second = public.get(path)
        assert first.status_code == second.status_code == 200
        assert [r.headers["x-cache-status"] for r in (first, second)] == ["MISS", "HIT"]
        assert second.content == first.content
        assert second.headers["etag"] == first.headers["etag"]
        # The app's policy reaches the browser unchanged: it revalidates with nginx every time.
        assert second.headers["cache-control"] == PUBLIC
        revalidated = public.get(path, headers={"If-None-Match": first.headers["etag"]})
        assert revalidated.status_code == 304
        assert revalidated.headers["x-cache-status"] == "HIT"
    # One request reached a worker; the copy and nginx's own 304 cost the app nothing.
    eventually(lambda: sum(stack.statuses(path).values()) >= 1)
    assert stack.statuses(path) == {200: 1}


def test_a_spike_on_a_new_answer_sends_one_request_to_the_app(stack: Stack) -> None:
    path = "/api/v1/kaart/gemeenten"

    def read(_: int) -> httpx.Response:
        with httpx.Client(base_url=stack.url, timeout=30, verify=LOOPBACK_TLS) as client:
            return client.get(path, headers={"Accept-Encoding": "gzip"})

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(read, range(32)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert answers[0].json()["type"] == "FeatureCollection"
    # The app compressed the GeoJSON once; the copy is sent compressed to every later reader.
    assert {a.headers["content-encoding"] for a in answers} == {"gzip"}
    statuses = Counter(a.headers["x-cache-status"] for a in answers)
    assert statuses["MISS"] == 1, statuses
    eventually(lambda: sum(stack.statuses(path).values()) >= 1)
    time.sleep(0.2)
    assert stack.statuses(path) == {200: 1}


def test_signed_in_callers_always_reach_a_worker_and_get_their_own_answer(
    stack: Stack, admin: httpx.Client
) -> None:
    path = "/api/v1/producten"
    draft = admin.post(
        path,
        json={
            "soort": "handreiking",
            "titel": "Concept achter de proxy",
            "samenvatting": "Alleen de redactie ziet dit.",
            "maatregelen": ["M01"],
            "doelgroepen": ["beleidsmedewerker"],
        },
    )
    assert draft.status_code == 201, draft.text
    assert "x-cache-status" not in draft.headers
    eventually(lambda: stack.statuses(path, "POST") == {201: 1})

    with httpx.Client(base_url=stack.url) as public:
        kept = [public.get(path) for _ in range(2)]
    assert [r.headers["x-cache-status"] for r in kept] == ["MISS", "HIT"]
    assert kept[0].json()["paginering"]["totaal"] == 0
    eventually(lambda: sum(stack.per_worker(path)) == 2)

    token = admin.cookies["spoorboek_sessie"]
    with httpx.Client(base_url=stack.url, headers={"Authorization": f"Bearer {token}"}) as bearer:
        own = [admin.get(path), bearer.get(path), admin.get(path), bearer.get(path)]
        for answer in own:
            assert answer.status_code == 200
            # Not served from the copy, not kept: no cache status at all.
            assert "x-cache-status" not in answer.headers
            assert answer.headers["cache-control"] == "private, no-cache"
            assert answer.json()["paginering"]["totaal"] == 1
        # The signed-in caller's If-None-Match reaches the app, which answers 304 cheaply.
        unchanged = bearer.get(path, headers={"If-None-Match": own[1].headers["etag"]})
        assert unchanged.status_code == 304
        assert "x-cache-status" not in unchanged.headers
    eventually(lambda: sum(stack.per_worker(path)) == 2 + 5)
    # Requests go to both workers in turn.
    assert all(n >= 2 for n in stack.per_worker(path)), stack.per_worker(path)
    # And the anonymous copy was not replaced by a signed-in answer.
    with httpx.Client(base_url=stack.url) as public:
        again = public.get(path)
    assert again.headers["x-cache-status"] == "HIT"
    assert again.content == kept[0].content


def test_after_a_write_the_public_copy_is_at_most_a_minute_old_then_revalidated(
    stack: Stack, admin: httpx.Client
) -> None:
    path, query = FIGURES, "?groep=land"
    with httpx.Client(base_url=stack.url) as public:
        old = public.get(path + query)
        assert old.headers["x-cache-status"] == "MISS"

        cell = admin.get(CELL)
        written = admin.put(
            CELL,
            json={"fase": "geimplementeerd", "stappenGereed": []},
            headers={"If-Match": cell.headers["etag"]},
        )
        assert written.status_code == 200, written.text
        assert "x-cache-status" not in written.headers
        eventually(lambda: stack.statuses(CELL, "PUT") == {200: 1})
        current = admin.get(path + query)
        assert current.content != old.content

        # Within the minute the app allows, the public still gets the copy (documented).
        within = public.get(path + query)
        assert within.headers["x-cache-status"] == "HIT"
        assert within.content == old.content

        # Once it expires, one more reader gets the copy while nginx fetches the new figure
        # in the background; the readers after that get the new figure.
        stack.age(path + query)
        stale = public.get(path + query)
        assert stale.headers["x-cache-status"] == "STALE"
        assert stale.content == old.content
        eventually(lambda: public.get(path + query).headers["x-cache-status"] == "HIT")
        fresh = public.get(path + query)
        assert fresh.content == current.content

        # Expired and unchanged: nginx revalidates with the ETag and the app answers 304.
        answered = stack.statuses(path)
        stack.age(path + query)
        assert public.get(path + query).headers["x-cache-status"] == "STALE"
        eventually(lambda: stack.statuses(path)[304] == answered[304] + 1)
        eventually(lambda: public.get(path + query).headers["x-cache-status"] == "HIT")
        assert public.get(path + query).content == current.content
    assert stack.statuses(path)[200] == answered[200]
