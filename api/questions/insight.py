"""What the questions tell the programme: counts per measure, theme, channel and week, how fast
answers come, each advisor's workload, and clusters of similar questions as candidates for new
FAQ entries or for a signal to policy."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.core.settings import Settings
from api.core.stemming import content_stems
from api.questions import repository, service_levels, similarity
from api.questions.models import Question
from api.questions.repository import QuestionFilter

CLUSTER_SIMILARITY = 0.3
# Stems in more than this share of the questions say nothing about what sets them apart.
COMMON_STEM_SHARE = 0.2
KEYWORDS = 5


@dataclass(frozen=True)
class Counts:
    total: int
    per_measure: Counter[str]
    per_theme: Counter[str]
    per_channel: Counter[str]
    per_week: Counter[str]
    median_days: float | None
    within_service_level: float | None


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.AMSTERDAM)


def in_period(session: Session, start: date, end: date, *, merged: bool) -> list[Question]:
    criteria = QuestionFilter(
        received_from=_moment(start),
        received_until=_moment(end + timedelta(days=1)),
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


def clusters(session: Session, start: date, end: date, *, limit: int = 20) -> list[Cluster]:
    """Groups of at least two questions whose meaningful stems overlap (Jaccard), largest
    first. Stems shared by many questions ("uitkering", "gemeent") are ignored, and leaders are
    found through shared rarer stems, so the work grows with the overlap, not quadratically."""
    questions = [q for q in in_period(session, start, end, merged=False) if q.erased_at is None]
    stem_sets = [set(content_stems(f"{q.subject} {q.text}")) for q in questions]
    frequency: Counter[str] = Counter(s for stems in stem_sets for s in stems)
    common = max(5, int(COMMON_STEM_SHARE * len(questions)))
    telling = [{s for s in stems if frequency[s] <= common} for stems in stem_sets]
    # Leader clustering: a question joins the most similar earlier leader, or leads a cluster
    # of its own. Comparing with the leader only (not with any member) keeps chains of
    # slightly similar questions from growing into one cluster of everything.
    leaders: dict[str, list[int]] = defaultdict(list)
    members: dict[int, list[int]] = defaultdict(list)
    for i, stems in enumerate(telling):
        shared: Counter[int] = Counter(j for s in stems for j in leaders[s])
        best, best_score = None, CLUSTER_SIMILARITY
        for j, overlap in shared.items():
            score = overlap / len(stems | telling[j])
            if score >= best_score:
                best, best_score = j, score
        if best is None:
            members[i].append(i)
            for s in stems:
                leaders[s].append(i)
        else:
            members[best].append(i)
    found = sorted((m for m in members.values() if len(m) > 1), key=lambda m: (-len(m), m[0]))
    result: list[Cluster] = []
    for indices in found[:limit]:
        words = Counter(s for i in indices for s in telling[i])
        keywords = [w for w, n in words.most_common(KEYWORDS) if n > 1]
        faq = similarity.similar(session, " ".join(keywords), kinds={"faq"})[:3]
        result.append(Cluster([questions[i] for i in indices], keywords, faq))
    return result
