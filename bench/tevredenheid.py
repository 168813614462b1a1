"""The satisfaction section (tevredenheid): the team's satisfaction figures and the public overall
satisfaction at ten times the demo volume of scores.

    python -m bench.run --satisfaction-only [--quick]

- Data: a copy of the bench database (database.copy_database), filled up to FACTOR times the
  demo's scores at each touchpoint (at least FACTOR times a floor, for a part whose demo data
  is small or absent): answered questions with their ratings over the last year, votes on the
  published product versions, and closed survey rounds with every municipality invited and
  most answering. Inserted through the models in one transaction, with a fixed seed.
- Reads, as the demo editor (the figures are the team's), each first checked (200, figures
  present) and then measured at concurrency 1 next to the bare baseline: the figures of every
  touchpoint nationally (the default: a year per quarter), per measure, per province per month,
  the suggestions from low scores, and the public figure (anonymous, kept per version).

Only on a database that is the bench's to change (Context.writable): it writes thousands of
rows, in a copy."""

import math
import os
import random
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

import httpx

from bench import report, servers, voortgang
from bench.loadgen import LoadResult, Target
from bench.voortgang import ReadTarget

SEED = 2026_16
FACTOR = 10
FLOOR = {"ratings": 300, "votes": 400, "rounds": 2}
"""The demo volume assumed where the demo has fewer (a part whose demo data is not in yet)."""
FIGURES = "/api/v1/tevredenheid/cijfers"
READS = (
    ("tevr land", FIGURES, True),
    ("tevr maatregel", f"{FIGURES}?groep=maatregel", True),
    ("tevr prov/maand", f"{FIGURES}?groep=provincie&periode=maand", True),
    ("lage scores", "/api/v1/tevredenheid/lage-scores", True),
    ("tevr landelijk", "/api/v1/tevredenheid/landelijk", False),
)
"""Name, path, and whether it is read as the editor."""


@dataclass(frozen=True)
class Plan:
    rounds: int
    per_read: int
    """Requests per read in each round (warm: the figures kept for this version)."""
    cold: int
    """Times a new score is written and every read's first request after it measured."""
    factor: int = FACTOR


FULL = Plan(rounds=3, per_read=20, cold=10)
QUICK = Plan(rounds=1, per_read=10, cold=3)
# One request per read on the demo volume: it shows the section runs, no more.
SMOKE = Plan(rounds=1, per_read=1, cold=1, factor=1)


@dataclass
class Result:
    plan: Plan
    ratings: int = 0
    votes: int = 0
    invitations: int = 0
    fill_seconds: float = 0.0
    reads: list[report.Figures] = field(default_factory=list)
    cold: list[report.Figures] = field(default_factory=list)
    """Each read's first request after a new score: built anew."""
    notes: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def problems(self) -> list[str]:
        return [f"satisfaction: {p}" for p in self.wrong]


# ---------------------------------------------------------------------------------------------
# Data


def fill(url: str, today: date, factor: int) -> tuple[int, int, int]:
    """Add scores to the database at `url` until each touchpoint holds `factor` times its demo
    volume (or the floor). Returns the ratings, votes and invitations it then holds."""
    # The app's own models and engine, imported here: only this step needs them.
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from api.accounts.models import User
    from api.core.db import build_engine
    from api.measures.models import Measure
    from api.municipalities.models import Municipality
    from api.products.models import ProductVersion
    from api.questions.models import Channel, Question, QuestionStatus
    from api.satisfaction.models import AnswerRating, ProductVote
    from api.surveys.models import (
        AnswerKind,
        Invitation,
        RoundQuestion,
        RoundStatus,
        SurveyAnswer,
        SurveyQuestion,
        SurveyRound,
        Touchpoint,
    )

    rng = random.Random(SEED)

    def moment(days_ago: int) -> datetime:
        day = today - timedelta(days=days_ago)
        return datetime.combine(day, clock_time(8 + days_ago % 9), tzinfo=UTC)

    engine = build_engine(url)
    try:
        with Session(engine) as session, session.begin():

            def count(model: Any) -> int:
                return session.scalar(select(func.count()).select_from(model)) or 0

            measures = list(session.scalars(select(Measure).order_by(Measure.code)))
            places = list(session.scalars(select(Municipality.code).order_by(Municipality.code)))
            team = list(
                session.scalars(select(User.id).where(User.email.like("%@demo.spoorboek.example")))
            )
            have = count(AnswerRating)
            wanted = factor * max(have, FLOOR["ratings"])
            questions = []
            for n in range(max(0, wanted - have)):
                measure = rng.choice(measures)
                days_ago = int(rng.triangular(0, 365, 60))
                questions.append(
                    Question(
                        channel=rng.choice(list(Channel)),
                        subject=f"{measure.title}: vraag {n}"[:200],
                        text="Hoe passen wij dit toe?",
                        theme_code=measure.theme_code,
                        asker_name=f"Vrager {n}",
                        asker_email=f"vrager.{n}@gemeente.bench.spoorboek.example",
                        municipality_code=rng.choice(places),
                        received_at=moment(days_ago + 5),
                        due_date=today,
                        status=QuestionStatus.CLOSED,
                        answer="Zo.",
                        answered_at=moment(days_ago),
                        answered_by=rng.choice(team),
                        measures=[measure],
                    )
                )
            session.add_all(questions)
            session.flush()
            session.add_all(
                AnswerRating(
                    question_id=q.id,
                    answered_by=q.answered_by,
                    token_hash=f"bench{q.id:059d}",
                    changeable_until=q.answered_at + timedelta(days=14),  # type: ignore[operator]
                    score=None
                    if rng.random() < 0.3
                    else rng.choices(range(1, 6), [1, 1, 2, 4, 4])[0],
                    created_at=q.answered_at,
                    rated_at=q.answered_at,
                )
                for q in questions
            )
            versions = list(
                session.scalars(
                    select(ProductVersion).where(ProductVersion.published_at.is_not(None))
                )
            )
            have_votes = count(ProductVote)
            wanted_votes = factor * max(have_votes, FLOOR["votes"])
            session.add_all(
                ProductVote(
                    product_id=(v := rng.choice(versions)).product_id,
                    version_id=v.id,
                    voter_key=f"bench-{n}",
                    useful=rng.random() < 0.75,
                    voted_at=moment(rng.randrange(365)),
                )
                for n in range(max(0, wanted_votes - have_votes) if versions else 0)
            )
            scale = list(
                session.scalars(
                    select(SurveyQuestion).where(SurveyQuestion.kind == AnswerKind.SCALE)
                )
            )
            if not scale:
                scale = [
                    SurveyQuestion(text=text, kind=AnswerKind.SCALE, touchpoint=point, position=n)
                    for n, (text, point) in enumerate(
                        (
                            ("Hoe tevreden bent u over de ondersteuning?", Touchpoint.OVERALL),
                            ("Hoe nuttig zijn de producten?", Touchpoint.PRODUCTS),
                            ("Hoe nuttig zijn de antwoorden?", Touchpoint.ANSWERS),
                        )
                    )
                ]
                session.add_all(scale)
            have_rounds = count(SurveyRound)
            wanted_rounds = factor * max(have_rounds, FLOOR["rounds"])
            rounds = [
                SurveyRound(
                    title=f"Bench-peiling {n}",
                    period=f"bench-{n}",
                    opens_on=today - timedelta(days=30 + 33 * n),
                    closes_on=today - timedelta(days=2 + 33 * n),
                    status=RoundStatus.CLOSED,
                    sent_at=moment(30 + 33 * n),
                )
                for n in range(max(0, wanted_rounds - have_rounds))
            ]
            session.add_all(rounds)
            session.flush()
            invitations = []
            for round_ in rounds:
                for position, question in enumerate(scale):
                    session.add(
                        RoundQuestion(
                            round_id=round_.id, question_id=question.id, position=position
                        )
                    )
                for code in places:
                    invitations.append(
                        Invitation(
                            round_id=round_.id,
                            municipality_code=code,
                            token_hash=f"bench{round_.id:08d}{code}".ljust(64, "0"),
                            answered_at=moment(20) if rng.random() < 0.6 else None,
                        )
                    )
            session.add_all(invitations)
            session.flush()
            session.add_all(
                SurveyAnswer(invitation_id=i.id, question_id=q.id, score=rng.randint(1, 5))
                for i in invitations
                if i.answered_at is not None
                for q in scale
            )
            session.flush()
            return count(AnswerRating), count(ProductVote), count(Invitation)
    finally:
        engine.dispose()


def new_score(url: str, number: int) -> None:
    """One more vote, written as the app writes one: the scores' version goes up, so every
    figure is built anew on its next read."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from api.core.db import build_engine
    from api.products.models import ProductVersion
    from api.satisfaction.models import ProductVote

    engine = build_engine(url)
    try:
        with Session(engine) as session, session.begin():
            version = session.scalars(
                select(ProductVersion).where(ProductVersion.published_at.is_not(None)).limit(1)
            ).one()
            session.add(
                ProductVote(
                    product_id=version.product_id,
                    version_id=version.id,
                    voter_key=f"bench-cold-{number}",
                    useful=True,
                    voted_at=datetime.now(UTC),
                )
            )
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------
# Reads


def _check(name: str, body: Any) -> str:
    if name.startswith("tevr land") and name != "tevr landelijk":
        answers = body["antwoorden"]["groepen"]
        if not answers or answers[0]["totaal"]["teWeinigAntwoorden"]:
            return "no national answer figure"
    elif name == "tevr landelijk":
        if not body["antwoorden"]:
            return "no quarters"
    elif name != "lage scores" and not body["antwoorden"]["groepen"]:
        return "no groups"
    return ""


def reads(real: servers.Server, editor: voortgang.Editor, result: Result) -> list[ReadTarget]:
    cookie = (("Cookie", editor.cookie_header),)
    found = []
    for name, path, as_editor in READS:
        response = (
            editor.client.get(path)
            if as_editor
            else httpx.get(real.url(path), timeout=voortgang.REQUEST_TIMEOUT)
        )
        wrong = (
            f"{response.status_code} {response.text[:200]}"
            if response.status_code != 200
            else _check(name, response.json())
        )
        if wrong:
            result.wrong.append(f"GET {path}: {wrong}")
            continue
        found.append(
            ReadTarget(
                Target(
                    name,
                    servers.HOST,
                    real.port,
                    path,
                    headers=cookie if as_editor else (),
                    expect_bytes=len(response.content),
                ),
                real,
            )
        )
    return found


def measure_cold(
    url: str,
    real: servers.Server,
    editor: voortgang.Editor,
    targets: list[ReadTarget],
    plan: Plan,
    result: Result,
) -> None:
    samples = {t.target.name: LoadResult() for t in targets}
    for number in range(plan.cold):
        new_score(url, number)
        for read in targets:
            path = read.target.path
            started = time.perf_counter()
            response = (
                editor.client.get(path)
                if read.target.headers
                else httpx.get(real.url(path), timeout=voortgang.REQUEST_TIMEOUT)
            )
            elapsed = time.perf_counter() - started
            sample = LoadResult(
                latencies=[elapsed], elapsed=elapsed, body_bytes=len(response.content)
            )
            sample.statuses[response.status_code] += 1
            if response.status_code != 200:
                sample.errors, sample.last_error = 1, f"{response.status_code}"
                result.wrong.append(f"cold GET {path}: {response.status_code}")
            samples[read.target.name].merge(sample)
    result.cold = [
        report.figures(t.target.name, t.target.path, 200, samples[t.target.name], [], None)
        for t in targets
    ]


def run_section(context: voortgang.Context, plan: Plan) -> Result:
    result = Result(plan)
    started_section = time.perf_counter()
    if not context.writable:
        result.notes.append(
            f"satisfaction section skipped: it writes thousands of rows; {voortgang.NOT_WRITABLE}"
        )
        return result
    client_cpus = context.cpus[1]
    if client_cpus:
        os.sched_setaffinity(0, client_cpus)
    with ExitStack() as outer:
        url = context.database_to_fill(outer, "bench_tevredenheid")
        started = time.perf_counter()
        result.ratings, result.votes, result.invitations = fill(url, date.today(), plan.factor)
        result.fill_seconds = time.perf_counter() - started
        context.log(
            f"satisfaction: {result.ratings} ratings, {result.votes} votes, "
            f"{result.invitations} survey invitations ({result.fill_seconds:.1f} s)"
        )
        with ExitStack() as stack:
            real, baseline = context.serve(stack, url, "spoorboek-tevredenheid")
            editor = voortgang.log_in(stack, real)
            targets = reads(real, editor, result)
            scale = voortgang.ScalePlan(plan.rounds, plan.per_read, changed_runs=0)
            result.reads = context.run_async(
                voortgang.measure_reads(
                    [baseline, *targets], {}, scale, 1, "satisfaction", context.log
                )
            )
            result.wrong += [f"{f.scenario}: {f.wrong_answers()}" for f in result.reads if f.errors]
            measure_cold(url, real, editor, targets, plan, result)
    result.seconds = time.perf_counter() - started_section
    return result


# ---------------------------------------------------------------------------------------------
# Report


def tables(result: Result) -> str:
    if not result.reads:
        return "\n".join(
            [*(f"WRONG ANSWERS {w}" for w in result.wrong), *(f"note: {n}" for n in result.notes)]
        )
    scale = f"{result.plan.factor}×"
    rows = [("-" if f.scenario == "baseline" else scale, f) for f in result.reads]
    rows += [("cold", f) for f in result.cold]
    lines = voortgang.read_table("satisfaction", "scale", rows)
    lines.append(
        f"{result.ratings:,} answer ratings, {result.votes:,} product votes, "
        f"{result.invitations:,} survey invitations ({result.plan.factor}× the demo volume); "
        "concurrency 1; the team's figures as the demo editor, the public figure anonymous, "
        "each kept per version of the scores (and, for the team's, per person); cold: the "
        "first request after a new score, built anew"
    )
    lines += [f"WRONG ANSWERS {w}" for w in result.wrong]
    lines += [f"note: {n}" for n in result.notes]
    lines.append(
        f"section took {result.seconds:.0f} s, filling the database {result.fill_seconds:.1f} s"
    )
    return "\n".join(lines)


def as_json(result: Result) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        return None if isinstance(value, float) and math.isnan(value) else value

    return {
        "plan": asdict(result.plan),
        "ratings": result.ratings,
        "votes": result.votes,
        "invitations": result.invitations,
        "fill_seconds": round(result.fill_seconds, 2),
        "seconds": round(result.seconds, 1),
        "reads": [{k: clean(v) for k, v in asdict(f).items()} for f in result.reads],
        "cold": [{k: clean(v) for k, v in asdict(f).items()} for f in result.cold],
        "problems": result.problems(),
        "notes": result.notes,
    }
