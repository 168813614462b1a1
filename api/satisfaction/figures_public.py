"""The overall satisfaction on the public dashboard: how municipal contacts rate the support in
the survey's overall question (touchpoint `ondersteuning`), per closed round, and how useful
askers found the answers to their questions, per quarter of the last year. Both are national
figures behind the minimum group size; a round still open is left out, its figure would move.

Built once per version of the scores (`versie:tevredenheid`) and the day (the quarters move
with it), and kept like every public read (core/conditional.py)."""

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi import Request
from sqlalchemy.orm import Session

from api.core import clock, data_versions
from api.core.data_versions import Reader
from api.core.opendata import csv_bytes, provenance
from api.core.text import spreadsheet_cell
from api.satisfaction import figures_guard as guard
from api.satisfaction import figures_periods as periods
from api.satisfaction import repository_figures as repository
from api.satisfaction.figures_schemas import (
    PublicAnswerPoint,
    PublicSatisfaction,
    PublicSurveyPoint,
)
from api.satisfaction.repository_figures import SurveyScore
from api.surveys.models import Touchpoint

SOURCE = (
    "Spoorboek: de periodieke peiling onder gemeentelijke contactpersonen (de vraag naar de "
    "ondersteuning in het algemeen, 1 tot 5) en de score (1 tot 5) die vraagstellers geven op "
    "de vraag hoe nuttig het antwoord op hun vraag was. Alleen groepen van genoeg "
    "respondenten (de minimale groepsgrootte)."
)
QUARTERS = 4
FILE_NAME = "tevredenheid"
COLUMNS = [
    "bron",
    "periode",
    "van",
    "tot",
    "vraag",
    "aantal",
    "gemiddelde",
    "responspercentage",
    "opmerking",
]


def version(reader: Reader) -> str:
    return f"{data_versions.key(reader, data_versions.SATISFACTION)}|{clock.today()}"


def _survey(session: Session, minimum: int) -> list[PublicSurveyPoint]:
    today = clock.today()
    rounds = repository.rounds(session, today - timedelta(days=3 * 366), today, closed_only=True)
    ids = [r.id for r in rounds]
    scores = repository.survey_scores(session, ids, Touchpoint.OVERALL)
    invited = repository.invitations(session, ids)
    questions = repository.survey_questions(session, {s.question_id for s in scores})
    round_of = {i.invitation_id: i.round_id for i in invited}
    found: dict[tuple[int, int], list[SurveyScore]] = defaultdict(list)
    for score in scores:
        found[round_of[score.invitation_id], score.question_id].append(score)
    points = []
    for round_ in rounds:
        mine = [i for i in invited if i.round_id == round_.id]
        answered = sum(1 for i in mine if i.answered)
        for question in sorted(questions.values(), key=lambda q: (q.position, q.id)):
            given = found.get((round_.id, question.id), [])
            shown = guard.shown(((s.invitation_id, "NL", True) for s in given), minimum)
            values = [s.score for s in given] if shown.groups else []
            points.append(
                PublicSurveyPoint(
                    periode=round_.period,
                    titel=round_.title,
                    vraag=question.text,
                    te_weinig_antwoorden=not values,
                    aantal=len(values) if values else None,
                    gemiddelde=round(sum(values) / len(values), 2) if values else None,
                    responspercentage=round(answered / len(mine), 4) if values else None,
                )
            )
    return points


def _answers(session: Session, minimum: int) -> list[PublicAnswerPoint]:
    today = clock.today()
    start = periods.default_start(today, "kwartaal")
    first, after = periods.moment_bounds(start, today)
    ratings = [r for r in repository.ratings(session, first, after) if r.score is not None]
    points = []
    number = _numbered()
    for period in periods.between(start, today, "kwartaal"):
        found = [r for r in ratings if period.start <= clock.dutch_date(r.asked_at) <= period.end]
        shown = guard.shown(((number(r), "NL", True) for r in found), minimum)
        values = [r.score or 0 for r in found] if shown.groups else []
        points.append(
            PublicAnswerPoint(
                periode=period.code,
                van=period.start,
                tot=period.end,
                te_weinig_antwoorden=not values,
                aantal_beoordeeld=len(values) if values else None,
                gemiddelde=round(sum(values) / len(values), 2) if values else None,
            )
        )
    return points


def _numbered() -> Callable[[repository.Rating], int]:
    """The guard counts respondents by number: a rating's is its asker's municipality."""
    numbers: dict[str, int] = {}
    return lambda r: numbers.setdefault(r.municipality or f"vraag:{r.question_id}", len(numbers))


def build(session: Session, request: Request, minimum: int) -> PublicSatisfaction:
    rated, _voted, answered, _evaluated = repository.latest_moments(session)
    moments = [m for m in (rated, answered) if m is not None]
    today = clock.today()
    return PublicSatisfaction(
        peildatum=today,
        minimale_groepsgrootte=minimum,
        peiling=_survey(session, minimum),
        antwoorden=_answers(session, minimum),
        versie=version(session),
        berekend_op=clock.now(),
        herkomst=provenance(request, SOURCE, max(moments, default=None), today),
    )


def as_csv(figures: PublicSatisfaction) -> bytes:
    rows: list[list[object]] = []
    for s in figures.peiling:
        rows.append(
            [
                "peiling",
                s.periode,
                None,
                None,
                spreadsheet_cell(s.vraag),
                s.aantal,
                s.gemiddelde,
                s.responspercentage,
                guard.TOO_FEW if s.te_weinig_antwoorden else None,
            ]
        )
    for a in figures.antwoorden:
        rows.append(
            [
                "antwoorden",
                a.periode,
                a.van,
                a.tot,
                "Hoe nuttig was dit antwoord?",
                a.aantal_beoordeeld,
                a.gemiddelde,
                None,
                guard.TOO_FEW if a.te_weinig_antwoorden else None,
            ]
        )
    return csv_bytes(COLUMNS, rows)


def moment(figures: PublicSatisfaction) -> datetime | None:
    found = figures.herkomst.peilmoment
    return found.astimezone(UTC) if found else None
