"""Shaping the survey's rows for the API."""

from sqlalchemy.orm import Session

from api.core.schemas import CodeName
from api.surveys import answering, figures, repository, rounds
from api.surveys.answering import OPEN_ANSWER_LENGTH
from api.surveys.models import Invitation, SurveyQuestion, SurveyRound
from api.surveys.results import Results
from api.surveys.schemas import (
    AnswerRead,
    FigureRead,
    FormQuestion,
    FormRead,
    FormRound,
    MunicipalityAnswer,
    MunicipalityResultRead,
    MyRound,
    QuestionResultRead,
    RoundDetail,
    RoundRead,
    RoundResults,
    SurveyQuestionRead,
)


def question(q: SurveyQuestion) -> SurveyQuestionRead:
    return SurveyQuestionRead(
        id=q.id,
        tekst=q.text,
        soort=q.kind,
        contactpunt=q.touchpoint,
        positie=q.position,
        actief=q.active,
    )


def round_(session: Session, r: SurveyRound) -> RoundRead:
    invited, answered = repository.response_counts(session, r.id)
    return RoundRead(
        id=r.id,
        titel=r.title,
        periode=r.period,
        open_op=r.opens_on,
        sluit_op=r.closes_on,
        herinner_na_dagen=r.remind_after_days,
        status=r.status,
        verzonden_op=r.sent_at,
        uitgenodigd=invited,
        beantwoord=answered,
        respons=round(100 * answered / invited, 1) if invited else None,
    )


def round_detail(session: Session, r: SurveyRound) -> RoundDetail:
    return RoundDetail(
        **round_(session, r).model_dump(),
        vragen=[question(q) for q in rounds.questions_of(session, r)],
    )


def _figure(f: figures.Figure, names: dict[str, str]) -> FigureRead:
    return FigureRead(
        sleutel=f.key,
        naam=names.get(f.key) if f.key else None,
        respondenten=f.respondents,
        gemiddelde=f.mean,
        te_weinig_antwoorden=f.suppressed,
    )


def results(session: Session, found: Results) -> RoundResults:
    return RoundResults(
        ronde=round_(session, found.round_),
        minimale_groep=found.minimum,
        groepering=found.grouping,
        vragen=[
            QuestionResultRead(
                vraag=question(q.question),
                totaal=_figure(q.table.total, found.group_names) if q.table else None,
                groepen=[_figure(g, found.group_names) for g in q.table.groups] if q.table else [],
                open_antwoorden=q.texts,
                niet_getoond=q.withheld,
            )
            for q in found.questions
        ],
        gemeenten=[
            MunicipalityResultRead(
                gemeente=CodeName(code=m.municipality.code, naam=m.municipality.name),
                uitgenodigd=m.invited,
                beantwoord=m.answered,
                antwoorden=[
                    MunicipalityAnswer(
                        vraag=a.question_id,
                        score=a.score,
                        tekst=a.text if a.text_cleared else None,
                        tekst_niet_getoond=bool(a.text) and not a.text_cleared,
                    )
                    for a in m.answers
                ],
            )
            for m in found.municipalities
        ],
    )


def form_round(r: SurveyRound) -> FormRound:
    return FormRound(
        id=r.id, titel=r.title, periode=r.period, sluit_op=r.closes_on, status=r.status
    )


def form(f: answering.Form) -> FormRead:
    return FormRead(
        ronde=form_round(f.round_),
        gemeente=CodeName(code=f.invitation.municipality_code, naam=f.municipality_name),
        vragen=[FormQuestion(id=q.id, tekst=q.text, soort=q.kind) for q in f.questions],
        antwoorden=[
            AnswerRead(vraag=a.question_id, score=a.score, tekst=a.text)
            for a in sorted(f.answers.values(), key=lambda a: a.question_id)
        ],
        beantwoord_op=f.invitation.answered_at,
        wijzigbaar=f.changeable,
        maximale_lengte=OPEN_ANSWER_LENGTH,
    )


def my_round(r: SurveyRound, invitation: Invitation) -> MyRound:
    return MyRound(
        ronde=form_round(r),
        beantwoord_op=invitation.answered_at,
        wijzigbaar=answering.is_open(r),
    )
