"""The team's satisfaction figures: per touchpoint (answers, products, the survey, meetings),
grouped by measure, theme, wave, province, labour-market region or advisor, per month
or quarter, with the trend. Counted in Python over the rows of repository_figures.py (how,
in figures_tables.py), which a year at ten times the demo volume keeps cheap.

An answer's rating counts in the period its answer was sent (and the score asked), so the
response rate (rated / asked) of a period is of the same ratings as its mean; a vote when it
was cast; the survey in the period its round opened; a meeting's evaluation in the period
the meeting took place. Every group of every table passes the
minimum group size (figures_guard.py)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from api.core import clock, data_versions
from api.core.data_versions import Reader
from api.core.errors import ForbiddenError
from api.core.security import Principal, require_programme_team
from api.core.validation import InvalidParams
from api.satisfaction import figures_periods as periods
from api.satisfaction import figures_tables as tables
from api.satisfaction import repository_figures as repository
from api.satisfaction.figures_periods import Period, PeriodKind
from api.satisfaction.figures_schemas import (
    AnswersSection,
    EventsSection,
    LeftOut,
    ProductsSection,
    SatisfactionFigures,
    SectionSource,
    SurveySection,
)
from api.satisfaction.figures_schemas import Period as PeriodRead
from api.satisfaction.figures_tables import Filters, Kind, SurveyData
from api.satisfaction.repository_figures import EventRating, Invited, Rating, Reference, Vote
from api.surveys.models import Touchpoint

ANSWERS, PRODUCTS, SURVEY = "antwoorden", "producten", "peiling"
EVENTS = Touchpoint.EVENTS.value
TOUCHPOINTS = (ANSWERS, PRODUCTS, SURVEY, EVENTS)
GROUPINGS = ("land", "maatregel", "thema", "fase", "provincie", "arbeidsmarktregio", "adviseur")
MAX_DAYS = 5 * 366
ME = "ik"

SOURCES = {
    ANSWERS: "Spoorboek: de score (1 tot 5) die vraagstellers geven op de vraag hoe nuttig het "
    "antwoord op hun vraag was, gevraagd in de antwoordmail en op de antwoordpagina.",
    PRODUCTS: "Spoorboek: de stemmen 'Was dit nuttig?' op gepubliceerde versies van "
    "implementatieproducten.",
    SURVEY: "Spoorboek: de periodieke peiling onder gemeentelijke contactpersonen "
    "(schaalvragen, 1 tot 5).",
    EVENTS: "Spoorboek: de score (1 tot 5) die aanwezigen bij bijeenkomsten geven op de vraag "
    "hoe nuttig de bijeenkomst was, gevraagd per e-mail na afloop.",
}

# Which groupings and filters each touchpoint can answer; the reason when it cannot.
_NOT_FOR = {
    PRODUCTS: (
        {"provincie", "arbeidsmarktregio", "adviseur"},
        "Stemmen op producten zijn anoniem: zij hebben geen gemeente en geen adviseur.",
    ),
    SURVEY: (
        {"maatregel", "thema", "fase", "adviseur"},
        "De peiling vraagt naar de ondersteuning, niet naar een maatregel of een adviseur.",
    ),
    ANSWERS: (set(), ""),
    EVENTS: (set(), ""),
}


@dataclass(frozen=True)
class Selection:
    grouping: str = "land"
    period: PeriodKind = "kwartaal"
    start: date | None = None
    end: date | None = None
    touchpoint: str | None = None
    measure: str | None = None
    theme: str | None = None
    wave: int | None = None
    province: str | None = None
    region: str | None = None
    advisor: str | None = None
    """`ik`, or an advisor's user id (admins only)."""

    def filters(self) -> list[str]:
        """The filters this selection sets, in the groupings' words."""
        return [
            name
            for name, value in (
                ("maatregel", self.measure),
                ("thema", self.theme),
                ("fase", self.wave),
                ("provincie", self.province),
                ("arbeidsmarktregio", self.region),
                ("adviseur", self.advisor),
            )
            if value is not None
        ]

    def asks(self) -> set[str]:
        """The grouping and the filters this selection uses."""
        return {self.grouping, *self.filters()}


@dataclass(frozen=True)
class Scope:
    """A checked selection: its days, its periods, whose answers."""

    selection: Selection
    start: date
    end: date
    periods: list[Period]
    advisor: int | None


def require_team(principal: Principal) -> None:
    require_programme_team(principal, "Tevredenheidscijfers bekijken")


def check(principal: Principal, selection: Selection, today: date) -> Scope:
    """Who may see what: the team sees the team's figures and her own answers' scores; another
    advisor's scores, and scores per advisor, only an admin."""
    require_team(principal)
    invalid = InvalidParams()
    advisor: int | None = None
    if selection.advisor is not None:
        if selection.advisor == ME:
            advisor = principal.user_id
        elif selection.advisor.isdigit() and len(selection.advisor) <= 9:
            advisor = int(selection.advisor)
        else:
            invalid.add("adviseur", "invalid", "Geef 'ik' of het nummer van een adviseur.")
    filters = selection.filters()
    if len(filters) > 1:
        # A figure with two filters less the same with one could leave a handful: the guard
        # checks a filtered figure against the unfiltered one only (api/surveys/figures.py).
        invalid.add(
            filters[1],
            "invalid",
            f"Kies één filter tegelijk; nu zijn het er {len(filters)}: {', '.join(filters)}.",
        )
    end = selection.end or today
    start = selection.start or periods.default_start(end, selection.period)
    if start > end:
        invalid.add("van", "invalid", "'van' ligt na 'tot'.")
    elif (end - start).days > MAX_DAYS:
        invalid.add("van", "invalid", "Kies een periode van hoogstens vijf jaar.")
    invalid.raise_if_any()
    others = advisor is not None and advisor != principal.user_id
    if (selection.grouping == "adviseur" or others) and not principal.is_admin:
        raise ForbiddenError("De scores van een andere adviseur ziet alleen de beheerder.")
    return Scope(selection, start, end, periods.between(start, end, selection.period), advisor)


def check_references(selection: Selection, reference: Reference) -> None:
    invalid = InvalidParams()
    invalid.unknown("maatregel", selection.measure, lambda: reference.measures.keys())
    invalid.unknown("thema", selection.theme, lambda: reference.themes.keys())
    invalid.unknown("fase", selection.wave, lambda: reference.waves.keys())
    invalid.unknown("provincie", selection.province, lambda: reference.provinces.keys())
    invalid.unknown("arbeidsmarktregio", selection.region, lambda: reference.regions.keys())
    invalid.raise_if_any()


def version(reader: Reader, today: date) -> str:
    """What the team's figures depend on: the scores, the reference data that groups them, the
    questions' and products' links, the meetings' (their measures, themes, organiser and
    attendees), and the day (the default periods move with it)."""
    return "|".join(
        [
            data_versions.key(
                reader, data_versions.SATISFACTION, data_versions.REFERENCE, data_versions.MEETINGS
            ),
            repository.groupings_version(reader),
            str(today),
        ]
    )


class Respondents:
    """Numbers for respondents of any kind (a municipality, a voter's key), as the guard
    counts them."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def __call__(self, who: str) -> int:
        return self._numbers.setdefault(who, len(self._numbers))


def answer_kind(
    filters: Filters, reference: Reference, grouping: str, minimum: int
) -> Kind[Rating]:
    """A rating's respondent is the asker's municipality (a question without one counts as
    its own): five ratings of one municipality would single it out all the same."""
    number = Respondents()
    return Kind(
        groups_of=lambda r: tables.rating_groups(r, grouping, reference),
        keeps=lambda r: tables.keeps_rating(filters, reference, r),
        day_of=lambda r: clock.dutch_date(r.asked_at),
        scored=lambda r: r.score is not None,
        respondent_of=lambda r: number(r.municipality or f"vraag:{r.question_id}"),
        minimum=minimum,
    )


def event_kind(
    filters: Filters, reference: Reference, grouping: str, minimum: int
) -> Kind[EventRating]:
    """As an answer's rating: the respondent is the attendee's municipality (a chain partner
    without one counts as herself)."""
    number = Respondents()
    return Kind(
        groups_of=lambda e: tables.event_groups(e, grouping, reference),
        keeps=lambda e: tables.keeps_event(filters, reference, e),
        day_of=lambda e: clock.dutch_date(e.held_at),
        scored=lambda e: e.score is not None,
        respondent_of=lambda e: number(e.municipality or f"aanmelding:{e.registration_id}"),
        minimum=minimum,
    )


def vote_kind(filters: Filters, reference: Reference, grouping: str, minimum: int) -> Kind[Vote]:
    number = Respondents()
    return Kind(
        groups_of=lambda v: tables.vote_groups(v, grouping, reference),
        keeps=lambda v: tables.keeps_vote(filters, reference, v),
        day_of=lambda v: clock.dutch_date(v.voted_at),
        scored=lambda _: True,
        respondent_of=lambda v: number(v.voter),
        minimum=minimum,
    )


def invitation_kind(
    filters: Filters, reference: Reference, grouping: str, opened: dict[int, date], minimum: int
) -> Kind[Invited]:
    return Kind(
        groups_of=lambda i: tables.invitation_groups(i, grouping, reference),
        keeps=lambda i: tables.keeps_invitation(filters, reference, i),
        day_of=lambda i: opened[i.round_id],
        scored=lambda i: i.answered,
        respondent_of=lambda i: i.invitation_id,
        minimum=minimum,
    )


def survey_data(session: Session, start: date, end: date) -> SurveyData:
    rounds = repository.rounds(session, start, end)
    ids = [r.id for r in rounds]
    scores = repository.survey_scores(session, ids)
    questions = repository.survey_questions(session, {s.question_id for s in scores})
    return SurveyData(
        invitations=repository.invitations(session, ids),
        scores=scores,
        questions=sorted(questions.values(), key=lambda q: (q.position, q.id)),
        opened={r.id: r.opens_on for r in rounds},
    )


def left_out(selection: Selection) -> dict[str, str]:
    """The touchpoints this grouping and these filters cannot show, with the reason."""
    asked = selection.asks()
    return {
        touchpoint: reason for touchpoint, (cannot, reason) in _NOT_FOR.items() if asked & cannot
    }


def figures(
    session: Session,
    principal: Principal,
    selection: Selection,
    csv_link: Callable[[str], str],
    minimum: int,
) -> SatisfactionFigures:
    today = clock.today()
    scope = check(principal, selection, today)
    reference = repository.reference(session)
    check_references(selection, reference)
    skipped = left_out(selection)
    wanted = [t for t in TOUCHPOINTS if t not in skipped and (selection.touchpoint in (None, t))]
    start, after = periods.moment_bounds(scope.start, scope.end)
    moments = dict(zip(TOUCHPOINTS, repository.latest_moments(session), strict=True))
    version_key = version(session, today)
    computed = clock.now()

    def source(touchpoint: str) -> SectionSource:
        return SectionSource(
            bron=SOURCES[touchpoint],
            peilmoment=moments[touchpoint],
            berekend_op=computed,
            versie=version_key,
            csv=csv_link(touchpoint),
        )

    filters = Filters(
        measure=selection.measure,
        theme=selection.theme,
        wave=selection.wave,
        province=selection.province,
        region=selection.region,
        advisor=scope.advisor,
    )
    grouping, kind = selection.grouping, selection.period

    def names_of(ids: set[int | None]) -> dict[int, str]:
        known = {i for i in ids if i is not None}
        return repository.people(session, known) if grouping == "adviseur" else {}

    answers = products = survey = events = None
    if ANSWERS in wanted:
        ratings = repository.ratings(session, start, after)
        names = names_of({r.advisor for r in ratings})
        answers = AnswersSection(
            herkomst=source(ANSWERS),
            groepen=tables.answer_groups(
                answer_kind(filters, reference, grouping, minimum),
                ratings,
                scope.periods,
                kind,
                lambda code: tables.label(grouping, code, reference, names),
            ),
        )
    if PRODUCTS in wanted:
        products = ProductsSection(
            herkomst=source(PRODUCTS),
            groepen=tables.product_groups(
                vote_kind(filters, reference, grouping, minimum),
                repository.votes(session, start, after),
                scope.periods,
                kind,
                lambda code: tables.label(grouping, code, reference, {}),
            ),
        )
    if SURVEY in wanted:
        data = survey_data(session, scope.start, scope.end)
        survey = SurveySection(
            herkomst=source(SURVEY),
            groepen=tables.survey_groups(
                invitation_kind(filters, reference, grouping, data.opened, minimum),
                data,
                scope.periods,
                kind,
                lambda code: tables.label(grouping, code, reference, {}),
            ),
        )
    if EVENTS in wanted:
        evaluations = repository.event_ratings(session, start, after)
        organisers = names_of({e.organiser for e in evaluations})
        events = EventsSection(
            herkomst=source(EVENTS),
            groepen=tables.answer_groups(
                event_kind(filters, reference, grouping, minimum),
                evaluations,
                scope.periods,
                kind,
                lambda code: tables.label(grouping, code, reference, organisers),
            ),
        )
    return SatisfactionFigures(
        groepering=selection.grouping,
        periode=selection.period,
        van=scope.start,
        tot=scope.end,
        adviseur=scope.advisor,
        minimale_groepsgrootte=minimum,
        perioden=[PeriodRead(code=p.code, van=p.start, tot=p.end) for p in scope.periods],
        antwoorden=answers,
        producten=products,
        peiling=survey,
        bijeenkomsten=events,
        niet_getoond=[
            LeftOut(contactpunt=t, reden=r)
            for t, r in skipped.items()
            if selection.touchpoint in (None, t)
        ],
    )
