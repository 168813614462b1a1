"""The questions section (vragen): similarity search over 5,000 questions and 500 FAQ entries
(and, in a full run, 50,000 questions), and the dashboard's cached figures, cold and warm.

    python -m bench.run --questions-only [--quick]

- Data: a copy of the bench database (database.copy_database, taken before the progress
  section writes), filled up to QUESTIONS questions and FAQ_ENTRIES FAQ entries (the demo's,
  plus generated ones): varied Dutch text from templates and the measures' titles as the
  database holds them, with a fixed seed. They are inserted through the models in one
  transaction, not through thousands of HTTP calls, and indexed as
  `api.questions.similarity.index` indexes them, in one statement for all.
- Search: `GET /api/v1/vragen/vergelijkbaar?tekst=…` as the demo editor and the public
  `GET /api/v1/faq?zoek=…`, each with every text of QUERIES in turn, next to the bare baseline
  and the plain FAQ list (`GET /api/v1/faq`, the first page without `zoek`), in rounds at
  concurrency 1. Each query's first answer is checked (200, something found) and is the
  reference length for the others.
- Dashboard: `GET /api/v1/dashboard` and `GET /api/v1/voortgang/trend`, cold (the first request
  after a progress change, one cell written through the bulk endpoint, so the cached figures
  are stale) and warm (the figures cached). The trend keeps its past-month points until a
  legal date moves, so its first request on an empty figure cache (`cached_figures` emptied,
  as after a deploy on a new database) is measured as well.
- Then (a full run) the copy is filled up to LARGE_QUESTIONS questions and the search is
  measured again, with fewer requests.

Only on a database that is the bench's to change (Context.writable): it writes thousands of
rows, in a copy."""

import math
import os
import random
import statistics
import time
from collections.abc import Callable, Coroutine
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from bench import database, report, servers, voortgang
from bench.loadgen import LoadResult, Target, run_load
from bench.voortgang import Editor, Grid, ReadTarget

QUESTIONS = 5_000
FAQ_ENTRIES = 500
LARGE_QUESTIONS = 50_000
SEED = 2026_12
SIMILAR = "/api/v1/vragen/vergelijkbaar?tekst="
FAQ = "/api/v1/faq"
FAQ_SEARCH = "/api/v1/faq?zoek="
DASHBOARD = "/api/v1/dashboard"
TREND = "/api/v1/voortgang/trend"
ROADMAP = "/api/v1/maatregelen/{code}/routekaart"
CHANGED_CELL = voortgang.CHANGED_CELL

QUERIES = (
    "Geldt de giftenvrijlating ook voor boodschappen die familie betaalt?",
    "kostendelersnorm bij inwonende studerende kinderen",
    "Wanneer mogen wij een boete opleggen als de taaleis niet wordt nagekomen?",
    "Onze softwareleverancier levert de aanpassing voor automatisch verrekenen te laat",
    "Moeten de beleidsregels voor bijzondere bijstand aangepast worden?",
    "taaleis",
    "hoogte van de boete bij schending van de inlichtingenplicht",
    "vermogenstoets en de waarde van een auto",
    "bijstand met terugwerkende kracht aanvragen na een melding",
    "mantelzorg en gezamenlijke huishouding",
)
"""What an advisor or a member of the public types: a word, a phrase, a whole question."""

# Text parts for the generated questions and FAQ entries: (short topic, longer phrase).
TOPICS = (
    ("giften", "giften van familie en vrienden binnen de giftenvrijlating"),
    ("kostendelersnorm", "de kostendelersnorm als er een volwassen kind inwoont"),
    ("boete", "het opleggen of matigen van een boete na schending van de inlichtingenplicht"),
    ("taaleis", "de taaleis, het taalaanbod en wat er gebeurt als iemand niet meewerkt"),
    ("software", "de aanpassing door de softwareleverancier en handmatig werken in de tussentijd"),
    ("beleidsregels", "het aanpassen van de beleidsregels en de verordening door de raad"),
    ("terugvordering", "terugvordering en verrekening van te veel betaalde bijstand"),
    ("vermogen", "de vermogensgrens, een auto en spaargeld van kinderen"),
    ("inkomsten", "het verrekenen van wisselende inkomsten uit deeltijdwerk"),
    ("jongeren", "jongeren tot 27 jaar en de zoektermijn van vier weken"),
    ("bewijs", "welke bewijsstukken wij mogen opvragen bij de aanvraag"),
    ("termijn", "de beslistermijn en het voorschot bij een late beslissing"),
    ("mantelzorg", "mantelzorg voor een ouder die in hetzelfde huis woont"),
    ("participatie", "maatschappelijke participatie in plaats van de tegenprestatie"),
    ("ontheffing", "een tijdelijke ontheffing van de arbeidsverplichtingen bij ziekte"),
    ("beslag", "beslag, de beslagvrije voet en schulden bij de gemeente"),
)
OPENERS = (
    "Wij vragen ons af hoe het zit met",
    "Klopt het dat er iets verandert aan",
    "Een klantmanager vraagt hoe wij moeten omgaan met",
    "Graag uw advies over",
    "Wat betekent de wetswijziging voor",
    "Kunt u uitleggen wat de regels zijn voor",
)
CONTEXTS = (
    "Het gaat om een alleenstaande ouder met twee kinderen.",
    "De inwoner ontvangt al jaren bijstand en werkt sinds kort een paar uur per week.",
    "Ons team Werk en Inkomen wil de werkinstructie voor het nieuwe jaar klaar hebben.",
    "De vraag kwam op tijdens het spreekuur van de wijkteams.",
    "Wij willen dit voor de ingangsdatum met de raad bespreken.",
    "Het betreft een jongere van 22 die net uit huis is gegaan.",
    "",
)
ANSWERS = (
    "Pas de werkinstructie aan en leg de afweging vast in het dossier.",
    "De wet laat hier ruimte voor maatwerk; motiveer het besluit in de beschikking.",
    "Vraag uw leverancier naar de releasedatum en werk tot dan volgens de handreiking.",
    "Een raadsbesluit is alleen nodig voor de verordening; beleidsregels stelt het college vast.",
    "Kijk naar de omstandigheden van het geval; een boete is niet altijd evenredig.",
    "Informeer de inwoner schriftelijk op taalniveau B1 en bied een gesprek aan.",
)


@dataclass(frozen=True)
class Plan:
    rounds: int
    per_query: int
    """Requests per query text (and to the plain FAQ list) in each round."""
    cold: int
    """Cold samples of the dashboard and of the trend (each after its own progress change)."""
    warm: int
    """Warm requests after each cold one."""
    questions: int = QUESTIONS
    faq_entries: int = FAQ_ENTRIES
    """The database is filled up to this many questions and FAQ entries."""
    large_questions: int = 0
    """Then filled up to this many questions, and the search measured again (0: not)."""
    large_per_query: int = 5
    """Requests per query text and search endpoint, in one round, at large_questions."""


# 3 rounds × 10 texts × 5 = 150 requests per search endpoint; 5 cold samples with 10 warm each;
# 50 requests per search endpoint at 50,000 questions.
FULL = Plan(rounds=3, per_query=5, cold=5, warm=10, large_questions=LARGE_QUESTIONS)
QUICK = Plan(rounds=1, per_query=1, cold=2, warm=3)
# Enough data for every query text to find something (the generator's seed is fixed), little
# enough that filling and the exhaustive check take seconds: it shows the section runs, no more.
SMOKE = Plan(rounds=1, per_query=1, cold=1, warm=1, questions=500, faq_entries=100)


@dataclass(frozen=True)
class QueryCheck:
    """A query's first answers, and what an exhaustive ranking would have found."""

    text: str
    questions: int
    """Questions in the database when it was asked."""
    faq_suggested: int
    questions_suggested: int
    faq_found: int
    """`paginering.totaal` of the FAQ search."""
    faq_matching: int
    """Published entries whose own score (similarity.score) is at least MIN_SCORE: what the
    FAQ search must find, since it ranks every entry that shares a term (the inverted index
    of migration 0010); fewer is a regression."""


@dataclass
class Result:
    plan: Plan
    questions: int = 0
    faq_entries: int = 0
    fill_seconds: float = 0.0
    search: list[report.Figures] = field(default_factory=list)
    large_questions: int = 0
    large_fill_seconds: float = 0.0
    search_large: list[report.Figures] = field(default_factory=list)
    """The search again at large_questions questions (empty: not measured)."""
    dashboard: list[tuple[str, report.Figures]] = field(default_factory=list)
    checks: list[QueryCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def problems(self) -> list[str]:
        return [f"questions: {p}" for p in self.wrong]


# ---------------------------------------------------------------------------------------------
# Data


def _question_text(rng: random.Random, title: str) -> tuple[str, str, str]:
    """Subject, text and answer of one generated question about the measure `title`."""
    short, phrase = rng.choice(TOPICS)
    extra_short, extra = rng.choice(TOPICS)
    subject = f"{title}: {short}"
    parts = [f"{rng.choice(OPENERS)} {phrase} bij de maatregel '{title}'?", rng.choice(CONTEXTS)]
    if extra_short != short and rng.random() < 0.4:
        parts.append(f"Speelt daarbij ook {extra} een rol?")
    return subject[:200], " ".join(p for p in parts if p), rng.choice(ANSWERS)


def fill(
    url: str, today: date, questions_wanted: int = QUESTIONS, faq_wanted: int = FAQ_ENTRIES
) -> tuple[int, int]:
    """Add generated questions and FAQ entries to the database at `url` until it holds
    `questions_wanted` and `faq_wanted`; index each for the similarity search. Returns both
    counts."""
    # The app's own models, engine and index, imported here: only this step needs them.
    from sqlalchemy import func, select
    from sqlalchemy import text as sql
    from sqlalchemy.orm import Session

    from api.accounts.models import User
    from api.core.db import build_engine
    from api.core.security import Principal, Role
    from api.core.settings import Settings
    from api.core.stemming import content_stems
    from api.measures.models import Measure
    from api.municipalities.models import Municipality
    from api.questions import faq, service_levels
    from api.questions.models import (
        Channel,
        FaqEntry,
        FaqVersion,
        Question,
        QuestionStatus,
    )

    rng = random.Random(SEED)
    settings = Settings(database_url=url)
    engine = build_engine(url)
    try:
        with Session(engine) as session, session.begin():
            measures = list(session.scalars(select(Measure).order_by(Measure.code)))
            places = list(session.scalars(select(Municipality).order_by(Municipality.code)))
            editor = session.scalar(select(User.id).where(User.email == voortgang.EDITOR["email"]))
            have_questions = session.scalar(select(func.count()).select_from(Question)) or 0
            have_faq = session.scalar(select(func.count()).select_from(FaqEntry)) or 0
            open_statuses = [QuestionStatus.NEW, QuestionStatus.TRIAGED, QuestionStatus.ASSIGNED]
            done_statuses = [QuestionStatus.ANSWERED, QuestionStatus.CLOSED]
            questions = []
            for n in range(max(0, questions_wanted - have_questions)):
                measure = rng.choice(measures)
                place = rng.choice(places)
                subject, text, answer = _question_text(rng, measure.title)
                received = datetime.combine(
                    today - timedelta(days=int(rng.triangular(0, 365, 30))),
                    datetime.min.time().replace(hour=9 + n % 8),
                    tzinfo=UTC,
                )
                answered = rng.random() < 0.6
                question = Question(
                    channel=rng.choice(list(Channel)),
                    subject=subject,
                    text=text,
                    theme_code=measure.theme_code,
                    asker_name=f"Vrager {n}",
                    asker_email=f"vrager.{n}@gemeente.bench.spoorboek.example",
                    asker_organisation=f"Gemeente {place.name}",
                    municipality_code=place.code,
                    received_at=received,
                    due_date=service_levels.answer_due(settings, received),
                    status=rng.choice(done_statuses if answered else open_statuses),
                    answer=answer if answered else None,
                    answered_at=received + timedelta(days=5) if answered else None,
                    measures=[measure],
                )
                questions.append(question)
            entries = []
            for _ in range(max(0, faq_wanted - have_faq)):
                measure = rng.choice(measures)
                _, phrase = rng.choice(TOPICS)
                version = FaqVersion(
                    number=1,
                    question=f"{measure.title}: hoe gaan wij om met {phrase}?",
                    answer=f"{rng.choice(ANSWERS)} {rng.choice(ANSWERS)}",
                    legal_articles=[],
                    change_note="Eerste versie",
                    published_by=editor,
                )
                entries.append(FaqEntry(measures=[measure], versions=[version]))
            session.add_all(questions)
            session.add_all(entries)
            session.flush()
            # What similarity.index writes for a new document, in one statement for all: the
            # index's own delete-then-insert scans the search table once per document, which
            # makes filling 50,000 questions take minutes instead of seconds.
            documents = [("vraag", q.id, q.subject, q.text) for q in questions] + [
                ("faq", e.id, e.versions[0].question, e.versions[0].answer) for e in entries
            ]
            if documents:
                session.execute(
                    sql(
                        "INSERT INTO qa_search (doc_key, title, body) VALUES (:key, :title, :body)"
                    ),
                    [
                        {
                            "key": f"{kind}:{id_}",
                            "title": " ".join(content_stems(title)),
                            "body": " ".join(content_stems(body)),
                        }
                        for kind, id_, title, body in documents
                    ],
                )
            # Each measure's Q&A product counts its entries, as after publishing through the API
            # by the demo editor, who then owns any product that publication creates.
            publisher = Principal(kind="user", user_id=editor, roles=frozenset({Role.EDITOR}))
            faq.sync_products(session, settings, publisher, [m.code for m in measures])
            counts = have_questions + len(questions), have_faq + len(entries)
        if engine.dialect.name == "postgresql":
            # Thousands of rows at once, then what autovacuum does soon after: statistics, so
            # the searches are planned on what the tables hold, not on the demo's few rows, and
            # the visibility map, so the postings' index answers without reading the table.
            # Whether autovacuum had come by yet made the search up to ten times as slow.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(sql("VACUUM ANALYZE"))
        return counts
    finally:
        engine.dispose()


def published_faq(url: str) -> list[tuple[str, str]]:
    """The index's title and body of every published FAQ entry. The entries are matched to the
    index in Python: a join on the composed key scans the whole index once per entry, minutes
    at 50,000 questions."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            published = {
                f"faq:{id_}"
                for id_ in connection.execute(
                    text("SELECT id FROM faq_entries WHERE status = 'gepubliceerd'")
                ).scalars()
            }
            rows = connection.execute(
                text(
                    "SELECT doc_key, title, body FROM qa_search "
                    "WHERE substr(doc_key, 1, 4) = 'faq:'"
                )
            ).all()
    finally:
        engine.dispose()
    return [(str(title), str(body)) for key, title, body in rows if key in published]


def faq_matching(entries: list[tuple[str, str]], text: str) -> int:
    """Published FAQ entries (`published_faq`) whose score for `text` reaches MIN_SCORE,
    ranking every entry: the count `similarity.similar` must reach."""
    from api.questions import similarity

    terms = similarity.query_terms(text)
    return sum(
        1 for title, body in entries if similarity.score(terms, title, body) >= similarity.MIN_SCORE
    )


# ---------------------------------------------------------------------------------------------
# Search


def check_queries(
    real: servers.Server,
    editor: Editor,
    url: str,
    questions: int,
    result: Result,
    log: voortgang.Log,
) -> tuple[list[ReadTarget], int]:
    """Each query's first answers, checked, as load targets with their reference lengths; and
    the length of the plain FAQ list. `questions`: how many the database holds."""
    cookie = (("Cookie", editor.cookie_header),)
    similar_targets, search_targets = [], []
    entries = published_faq(url)
    for text in QUERIES:
        similar = editor.client.get(SIMILAR + quote(text))
        search = httpx.get(real.url(FAQ_SEARCH + quote(text)), timeout=voortgang.REQUEST_TIMEOUT)
        for response in (similar, search):
            if response.status_code != 200:
                result.wrong.append(
                    f"GET {response.url.path}?{response.url.query.decode()}: "
                    f"{response.status_code} {response.text[:200]}"
                )
        if similar.status_code != 200 or search.status_code != 200:
            continue
        suggested, found = similar.json(), search.json()
        check = QueryCheck(
            text=text,
            questions=questions,
            faq_suggested=len(suggested["faq"]),
            questions_suggested=len(suggested["vragen"]),
            faq_found=int(found["paginering"]["totaal"]),
            faq_matching=faq_matching(entries, text),
        )
        result.checks.append(check)
        log(
            f"questions: {text[:40]!r}: {check.faq_suggested} FAQ and "
            f"{check.questions_suggested} questions suggested; FAQ search {check.faq_found} "
            f"of {check.faq_matching} matching"
        )
        if not check.faq_suggested + check.questions_suggested or not check.faq_found:
            result.wrong.append(f"{text!r}: nothing found ({check})")
        similar_targets.append(
            ReadTarget(
                Target(
                    "vergelijkbaar",
                    servers.HOST,
                    real.port,
                    SIMILAR + quote(text),
                    headers=cookie,
                    expect_bytes=len(similar.content),
                ),
                real,
            )
        )
        search_targets.append(
            ReadTarget(
                Target(
                    "faq zoek",
                    servers.HOST,
                    real.port,
                    FAQ_SEARCH + quote(text),
                    expect_bytes=len(search.content),
                ),
                real,
            )
        )
    listing = httpx.get(real.url(FAQ), timeout=voortgang.REQUEST_TIMEOUT)
    if listing.status_code != 200 or not listing.json()["resultaten"]:
        raise RuntimeError(f"GET {FAQ}: {listing.status_code}, or an empty FAQ")
    return similar_targets + search_targets, len(listing.content)


# ---------------------------------------------------------------------------------------------
# Dashboard


@dataclass
class Samples:
    """Single requests measured one by one, kept as the load generator's results are."""

    total: LoadResult = field(default_factory=LoadResult)
    rounds: list[LoadResult] = field(default_factory=list)
    cpu: float | None = 0.0

    def add(self, sample: LoadResult, cpu: float | None) -> None:
        self.total.merge(sample)
        self.rounds.append(sample)
        self.cpu = None if self.cpu is None or cpu is None else self.cpu + cpu

    def figures(self, name: str, path: str) -> report.Figures:
        return report.figures(name, path, 200, self.total, self.rounds, self.cpu)


def timed_get(
    server: servers.Server, path: str, check: Callable[[Any], str]
) -> tuple[LoadResult, float | None, str]:
    """One anonymous GET as a sample (latency, the server's CPU time); `check` says what is
    wrong with the body, if anything."""
    cpu_before = servers.cpu_seconds(server)
    started = time.perf_counter()
    response = httpx.get(server.url(path), timeout=voortgang.REQUEST_TIMEOUT)
    elapsed = time.perf_counter() - started
    cpu_after = servers.cpu_seconds(server)
    sample = LoadResult(latencies=[elapsed], elapsed=elapsed, body_bytes=len(response.content))
    sample.statuses[response.status_code] += 1
    wrong = (
        f"{response.status_code} {response.text[:200]}"
        if response.status_code != 200
        else check(response.json())
    )
    if wrong:
        sample.errors, sample.last_error = 1, wrong
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return sample, cpu, wrong


def _check_dashboard(measures: int) -> Callable[[Any], str]:
    def check(body: Any) -> str:
        found = len(body["perMaatregel"])
        return "" if found == measures else f"{found} measures, expected {measures}"

    return check


def _check_trend(body: Any) -> str:
    points = len(body["punten"])
    return "" if points == 13 else f"{points} trend points, expected 13 (12 months and today)"


def measure_dashboard(
    real: servers.Server,
    editor: Editor,
    database_url: str,
    plan: Plan,
    run_async: Callable[[Coroutine[Any, Any, LoadResult]], LoadResult],
    result: Result,
    log: voortgang.Log,
) -> dict[str, Samples]:
    """Per endpoint: `plan.cold` times a progress change, the first request, then `plan.warm`
    requests as the load generator sends them. The trend also on an empty figure cache."""
    measure, steps = CHANGED_CELL[1], editor.client.get(ROADMAP.format(code=CHANGED_CELL[1]))
    grid = Grid(
        [CHANGED_CELL[0]], [measure], {measure: [s["code"] for s in steps.json()["stappen"]]}
    )
    bodies = voortgang.bulk_bodies(grid, 1, 1 << 20)
    measures = len(editor.client.get(voortgang.MEASURES).json()["resultaten"])
    samples = {
        key: Samples()
        for key in (
            "dashboard cold",
            "dashboard warm",
            "trend cold",
            "trend warm",
            "trend empty",
        )
    }
    checks = {"dashboard": (DASHBOARD, _check_dashboard(measures)), "trend": (TREND, _check_trend)}
    for url, check in checks.values():
        # Not measured: the demo never asked for the trend, so its past months are not cached
        # yet, and the first cold sample would be an empty-cache one.
        _, _, wrong = timed_get(real, url, check)
        if wrong:
            result.wrong.append(f"GET {url}: {wrong}")
    runs = [(name, "cold") for _ in range(plan.cold) for name in checks]
    runs += [("trend", "empty") for _ in range(plan.cold)]
    for number, (name, state) in enumerate(runs):
        if state == "cold":
            try:
                voortgang.bulk_run(editor, real, bodies["AB"[number % 2]], changed=True)
            except (voortgang.BulkError, httpx.HTTPError) as exc:
                result.wrong.append(f"progress change before {name}: {exc}")
                break
        else:
            database.forget_figures(database_url)
        url, check = checks[name]
        sample, cpu, wrong = timed_get(real, url, check)
        samples[f"{name} {state}"].add(sample, cpu)
        if wrong:
            result.wrong.append(f"{name} {state}: {wrong}")
        if wrong or state != "cold":
            log(f"questions: {name} {state} {sample.latencies[0] * 1000:.0f} ms")
            continue
        # The same figures, now cached: every answer must be as long as the cold one.
        target = Target(name, servers.HOST, real.port, url, expect_bytes=sample.body_bytes)
        before = servers.cpu_seconds(real)
        warm = run_async(
            run_load(
                target,
                concurrency=1,
                duration=voortgang.REQUEST_TIMEOUT,
                max_requests=plan.warm,
                request_timeout=voortgang.REQUEST_TIMEOUT,
            )
        )
        after = servers.cpu_seconds(real)
        samples[f"{name} warm"].add(
            warm, None if before is None or after is None else after - before
        )
        if warm.errors:
            result.wrong.append(f"{name} warm: {warm.errors} wrong, last {warm.last_error}")
        log(
            f"questions: {name} {state} {sample.latencies[0] * 1000:.0f} ms, then warm p50 "
            f"{statistics.median(warm.latencies) * 1000 if warm.latencies else math.nan:.0f} ms"
        )
    return samples


# ---------------------------------------------------------------------------------------------
# Section


def _serve(
    stack: ExitStack, context: voortgang.Context, url: str, name: str
) -> tuple[servers.Server, ReadTarget, Editor]:
    """A server on the filled copy, a bare baseline next to it (in a smoke run the shared ones)
    and the editor logged in; all stopped with `stack`."""
    real, baseline = context.serve(stack, url, name)
    return real, baseline, voortgang.log_in(stack, real)


def _search(
    context: voortgang.Context,
    served: tuple[servers.Server, ReadTarget, Editor],
    url: str,
    questions: int,
    plan: voortgang.ScalePlan,
    result: Result,
) -> list[report.Figures]:
    real, baseline, editor = served
    targets, listing = check_queries(real, editor, url, questions, result, context.log)
    plain = ReadTarget(
        Target("faq lijst", servers.HOST, real.port, FAQ, expect_bytes=listing), real
    )
    search: list[report.Figures] = context.run_async(
        voortgang.measure_reads([baseline, plain, *targets], {}, plan, 1, "questions", context.log)
    )
    result.wrong += [f"{f.scenario}: {f.wrong_answers()}" for f in search if f.errors]
    return search


def run_section(context: voortgang.Context, plan: Plan) -> Result:
    run_async, log = context.run_async, context.log
    result = Result(plan)
    started_section = time.perf_counter()
    if not context.writable:
        result.notes.append(
            f"questions section skipped: it writes thousands of rows; {voortgang.NOT_WRITABLE}"
        )
        return result
    client_cpus = context.cpus[1]
    if client_cpus:
        os.sched_setaffinity(0, client_cpus)
    with ExitStack() as outer:
        url = context.database_to_fill(outer, "bench_vragen")
        started = time.perf_counter()
        result.questions, result.faq_entries = fill(
            url, date.today(), plan.questions, plan.faq_entries
        )
        result.fill_seconds = time.perf_counter() - started
        log(
            f"questions: database with {result.questions} questions and {result.faq_entries} "
            f"FAQ entries ({result.fill_seconds:.1f} s)"
        )
        with ExitStack() as stack:
            served = _serve(stack, context, url, "spoorboek-vragen")
            real, _, editor = served
            reads = voortgang.ScalePlan(plan.rounds, plan.per_query, changed_runs=0)
            result.search = _search(context, served, url, result.questions, reads, result)
            samples = measure_dashboard(real, editor, url, plan, run_async, result, log)
            base = result.search[0]
            path_of = {"dashboard": DASHBOARD, "trend": TREND}
            result.dashboard = [
                (key.split()[1], f)
                for key, s in samples.items()
                for f in report.with_ratios(
                    [s.figures(key.split()[0], path_of[key.split()[0]])], base
                )
            ]
        if plan.large_questions > result.questions:
            # A server of its own (no smoke plan fills this far, so it is never the shared one):
            # one that kept answers from before the fill could serve them.
            started = time.perf_counter()
            result.large_questions, _ = fill(
                url, date.today(), plan.large_questions, plan.faq_entries
            )
            result.large_fill_seconds = time.perf_counter() - started
            log(
                f"questions: database with {result.large_questions} questions "
                f"({result.large_fill_seconds:.1f} s)"
            )
            with ExitStack() as stack:
                served = _serve(stack, context, url, "spoorboek-vragen-groot")
                reads = voortgang.ScalePlan(1, plan.large_per_query, changed_runs=0)
                result.search_large = _search(
                    context, served, url, result.large_questions, reads, result
                )
    result.seconds = time.perf_counter() - started_section
    return result


# ---------------------------------------------------------------------------------------------
# Tables


def count_label(questions: int) -> str:
    return f"{questions // 1000}k" if questions >= 1000 else str(questions)


def tables(result: Result) -> str:
    if not result.search:
        return "\n".join(f"note: {n}" for n in result.notes)
    kinds = {"baseline": "-", "faq lijst": "list"}
    rows = [(kinds.get(f.scenario, count_label(result.questions)), f) for f in result.search]
    rows += [
        (count_label(result.large_questions), f)
        for f in result.search_large
        if f.scenario not in kinds
    ]
    rows += result.dashboard
    lines = voortgang.read_table("questions", "kind", rows)
    by_name = {f.scenario: f for f in result.search}
    listing, search = by_name.get("faq lijst"), by_name.get("faq zoek")
    lines.append(
        f"{result.questions:,} questions and {result.faq_entries:,} FAQ entries"
        + (f" (then {result.large_questions:,} questions)" if result.search_large else "")
        + f"; concurrency 1; {len(QUERIES)} query texts in turn, all their answers in one row "
        "(kind: how many questions the database held); vergelijkbaar as the demo editor, the "
        "FAQ anonymous; cold: the first request after a progress change; empty: the trend's "
        "first request with no cached figures"
    )
    if listing and search and listing.p50_ms:
        lines.append(
            f"faq zoek ÷ faq lijst: p50 {search.p50_ms / listing.p50_ms:.1f}×"
            + (
                f", CPU {search.server_cpu_ms_per_request / listing.server_cpu_ms_per_request:.1f}×"
                if search.server_cpu_ms_per_request and listing.server_cpu_ms_per_request
                else ""
            )
        )
    missed = [c for c in result.checks if c.faq_found < c.faq_matching]
    for c in missed:
        lines.append(
            f"WARNING FAQ search {c.text[:50]!r} at {count_label(c.questions)} questions found "
            f"{c.faq_found} of the {c.faq_matching} entries that score at least MIN_SCORE: the "
            "search index misses entries it should find"
        )
    lines += [f"WRONG ANSWERS {w}" for w in result.wrong]
    lines += [f"note: {n}" for n in result.notes]
    filled = f"filling the database {result.fill_seconds:.1f} s"
    if result.search_large:
        filled += f" and {result.large_fill_seconds:.1f} s more"
    lines.append(f"section took {result.seconds:.0f} s, {filled}")
    return "\n".join(lines)


def as_json(result: Result) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        return None if isinstance(value, float) and math.isnan(value) else value

    return {
        "plan": asdict(result.plan),
        "questions": result.questions,
        "faq_entries": result.faq_entries,
        "fill_seconds": round(result.fill_seconds, 2),
        "seconds": round(result.seconds, 1),
        "search": [{k: clean(v) for k, v in asdict(f).items()} for f in result.search],
        "large_questions": result.large_questions,
        "large_fill_seconds": round(result.large_fill_seconds, 2),
        "search_large": [{k: clean(v) for k, v in asdict(f).items()} for f in result.search_large],
        "dashboard": [
            {"state": state, **{k: clean(v) for k, v in asdict(f).items()}}
            for state, f in result.dashboard
        ],
        "queries": [asdict(c) for c in result.checks],
        "problems": result.problems(),
        "notes": result.notes,
    }
