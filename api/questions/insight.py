"""What the questions tell the programme: counts per measure, theme, channel and week, how fast
answers come, each advisor's workload, and clusters of similar questions as candidates for new
FAQ entries or for a signal to policy."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.core import clock, text_clusters
from api.core.settings import Settings
from api.questions import repository, service_levels, similarity
from api.questions.models import Question
from api.questions.repository import QuestionFilter


@dataclass(frozen=True)
class Counts:
    total: int
    per_measure: Counter[str]
    per_theme: Counter[str]
    per_channel: Counter[str]
    per_week: Counter[str]
    median_days: float | None
    within_service_level: float | None


def in_period(session: Session, start: date, end: date, *, merged: bool) -> list[Question]:
    criteria = QuestionFilter(
        received_from=clock.start_of_day(start),
        received_until=clock.start_of_day(end + timedelta(days=1)),
        include_merged=merged,
    )
    return repository.all_questions(session, criteria)


def counts(session: Session, settings: Settings, start: date, end: date) -> Counts:
    # Every question asked counts, also duplicates that were merged later.
    questions = in_period(session, start, end, merged=True)
    per_measure: Counter[str] = Counter()
    per_theme: Counter[str] = Counter()
    per_channel: Counter[str] = Counter()
    per_week: Counter[str] = Counter()
    for q in questions:
        per_measure.update(m.code for m in q.measures)
        per_theme[q.theme_code or "geen"] += 1
        per_channel[q.channel.value] += 1
        year, week, _ = clock.dutch_date(q.received_at).isocalendar()
        per_week[f"{year}-W{week:02d}"] += 1
    answered = [q for q in questions if q.answered_at is not None and q.merged_into_id is None]
    days = [service_levels.working_days_to_answer(settings, q) or 0 for q in answered]
    on_time = [
        q for q in answered if q.answered_at and clock.dutch_date(q.answered_at) <= q.due_date
    ]
    return Counts(
        total=len(questions),
        per_measure=per_measure,
        per_theme=per_theme,
        per_channel=per_channel,
        per_week=per_week,
        median_days=float(statistics.median(days)) if days else None,
        within_service_level=round(len(on_time) / len(answered), 3) if answered else None,
    )


@dataclass(frozen=True)
class WorkloadRow:
    assignee_id: int | None
    open: int
    overdue: int
    due_soon: int


def workload(session: Session, settings: Settings, today: date) -> list[WorkloadRow]:
    soon = service_levels.due_soon_limit(settings, today)
    rows: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for assignee, due in repository.open_workload(session):
        row = rows[assignee]
        row[0] += 1
        if due < today:
            row[1] += 1
        elif due <= soon:
            row[2] += 1
    ordered = sorted(rows.items(), key=lambda item: (-item[1][1], -item[1][2], -item[1][0]))
    return [WorkloadRow(a, o, late, near) for a, (o, late, near) in ordered]


@dataclass(frozen=True)
class Cluster:
    questions: list[Question]
    keywords: list[str]
    faq: list[similarity.Match]


def clusters(
    session: Session, start: date, end: date, *, limit: int = 20, with_faq: bool = True
) -> list[Cluster]:
    """Groups of at least two questions whose meaningful stems overlap, largest first
    (api/core/text_clusters.py), each with the FAQ entries that already resemble it unless
    `with_faq` is off (the signals' suggestions take every cluster and need no FAQ)."""
    questions = [q for q in in_period(session, start, end, merged=False) if q.erased_at is None]
    found = text_clusters.leader_clusters([f"{q.subject} {q.text}" for q in questions])
    result: list[Cluster] = []
    for cluster in found[:limit]:
        faq = (
            similarity.similar(session, " ".join(cluster.words), kinds={"faq"})[:3]
            if with_faq
            else []
        )
        # Titled with words, not stems: "software, verordening", never "softwar, verorden".
        result.append(Cluster([questions[i] for i in cluster.members], cluster.words, faq))
    return result
