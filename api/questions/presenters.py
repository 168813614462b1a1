"""Questions and FAQ entries as the API shows them. Names of people, measures, themes and
municipalities are looked up once per response, not once per question."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from api.core import clock
from api.core.schemas import CodeName
from api.core.security import Principal
from api.core.settings import Settings
from api.core.urls import api_path
from api.questions import experts, repository, service_levels
from api.questions.experts import ExpertCase
from api.questions.models import ExpertRequest, FaqEntry, FaqVersion, Question
from api.questions.schemas import (
    AskerRead,
    AttachmentRead,
    ExpertAskerRead,
    ExpertQuestionRead,
    ExpertQuestionSummary,
    ExpertRead,
    ExpertRequestRead,
    FaqRead,
    FaqVersionRead,
    PersonRef,
    QuestionRead,
    QuestionSummary,
)
from api.questions.workflow import TRANSITIONS


@dataclass(frozen=True)
class Lookups:
    people: dict[int, str]
    themes: dict[str, str]
    municipalities: dict[str, str]
    organisations: dict[str, str]
    today: date
    expert_requests: dict[int, list[ExpertRequest]] = field(default_factory=dict)
    """Per question; loaded only for the team's view of one question."""


def lookups_for(
    session: Session, questions: list[Question], *, expert_requests: bool = False
) -> Lookups:
    requests = (
        repository.expert_requests_of(session, [q.id for q in questions]) if expert_requests else {}
    )
    put = [r for rs in requests.values() for r in rs]
    people = repository.users_by_ids(
        session,
        {q.assignee_id for q in questions if q.assignee_id is not None}
        | {i for r in put for i in (r.asked_by, r.answered_by) if i is not None},
    )
    organisations = repository.organisation_names(
        session,
        {q.expert_organisation for q in questions if q.expert_organisation}
        | {r.organisation_code for r in put},
    )
    return Lookups(
        people={i: u.name for i, u in people.items()},
        themes=repository.theme_names(session),
        municipalities=repository.municipality_names(
            session, {q.municipality_code for q in questions if q.municipality_code}
        ),
        organisations=organisations,
        today=clock.today(),
        expert_requests=requests,
    )


def _person(lookups: Lookups, user_id: int | None) -> PersonRef | None:
    if user_id is None:
        return None
    return PersonRef(id=user_id, naam=lookups.people.get(user_id, "(onbekend)"))


def _municipality(lookups: Lookups, code: str | None) -> CodeName | None:
    return CodeName(code=code, naam=lookups.municipalities.get(code, code)) if code else None


def question_summary(settings: Settings, q: Question, lookups: Lookups) -> QuestionSummary:
    return QuestionSummary(
        id=q.id,
        onderwerp=q.subject,
        kanaal=q.channel,
        status=q.status,
        maatregelen=[m.code for m in q.measures],
        gemeente=_municipality(lookups, q.municipality_code),
        vrager=q.asker_name,
        ontvangen_op=q.received_at,
        termijn=q.due_date,
        termijn_status=service_levels.due_state(settings, q, lookups.today),
        behandelaar=_person(lookups, q.assignee_id),
        faq_id=q.faq_id,
    )


def _organisation(lookups: Lookups, code: str) -> CodeName:
    return CodeName(code=code, naam=lookups.organisations.get(code, code))


def expert_request_read(lookups: Lookups, r: ExpertRequest) -> ExpertRequestRead:
    return ExpertRequestRead(
        id=r.id,
        organisatie=_organisation(lookups, r.organisation_code),
        status=experts.state_of(r),
        expert_vraag=r.note,
        contact_gedeeld=r.share_contact,
        gesteld_door=_person(lookups, r.asked_by),
        gesteld_op=r.asked_at,
        termijn=r.due_date,
        antwoord=r.answer,
        beantwoord_door=_person(lookups, r.answered_by),
        beantwoord_op=r.answered_at,
        gesloten_op=r.closed_at,
    )


def question_read(
    settings: Settings, principal: Principal, q: Question, lookups: Lookups
) -> QuestionRead:
    team = principal.is_programme_team
    expert = None
    if q.expert_organisation:
        expert = ExpertRead(
            organisatie=_organisation(lookups, q.expert_organisation),
            termijn=q.expert_due_date,
        )
    return QuestionRead(
        id=q.id,
        onderwerp=q.subject,
        vraag=q.text,
        kanaal=q.channel,
        status=q.status,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in q.measures],
        thema=CodeName(code=q.theme_code, naam=lookups.themes.get(q.theme_code, q.theme_code))
        if q.theme_code
        else None,
        gemeente=_municipality(lookups, q.municipality_code),
        vragensteller=AskerRead(
            naam=q.asker_name,
            email=q.asker_email,
            organisatie=q.asker_organisation,
            gebruiker_id=q.asker_user_id,
        ),
        ontvangen_op=q.received_at,
        termijn=q.due_date,
        termijn_status=service_levels.due_state(settings, q, lookups.today),
        behandelaar=_person(lookups, q.assignee_id),
        expert=expert,
        expertverzoeken=[
            expert_request_read(lookups, r) for r in lookups.expert_requests.get(q.id, [])
        ]
        if team
        else [],
        antwoord=q.answer,
        beantwoord_op=q.answered_at,
        gesloten_op=q.closed_at,
        samengevoegd_met=q.merged_into_id,
        samengevoegde_vragen=[m.id for m in q.merged] if team else [],
        faq_id=q.faq_id,
        bijlagen=[
            AttachmentRead(
                id=a.id,
                naam=a.name,
                media_type=a.media_type,
                grootte=a.size,
                href=api_path("vragen", q.id, "bijlagen", a.id),
            )
            for a in q.attachments
        ],
        gewist=q.erased_at is not None,
        mogelijke_overgangen=sorted(TRANSITIONS[q.status])
        if team and q.merged_into_id is None
        else [],
        versie=q.version,
    )


def faq_read(
    entry: FaqEntry, version: FaqVersion | None = None, fragment: str | None = None
) -> FaqRead:
    shown = version or entry.current
    return FaqRead(
        id=entry.id,
        vraag=shown.question,
        antwoord=shown.answer,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in entry.measures],
        wetsartikelen=list(shown.legal_articles),
        status=entry.status,
        versie=shown.number,
        gepubliceerd_op=shown.published_at,
        eerst_gepubliceerd_op=entry.versions[0].published_at,
        wijzigingsnotitie=shown.change_note,
        reden_intrekking=entry.withdrawal_note,
        fragment=fragment,
    )


def faq_version_read(version: FaqVersion) -> FaqVersionRead:
    return FaqVersionRead(
        versie=version.number,
        vraag=version.question,
        antwoord=version.answer,
        wetsartikelen=list(version.legal_articles),
        wijzigingsnotitie=version.change_note,
        gepubliceerd_op=version.published_at,
    )


def expert_question_summary(
    settings: Settings, request: ExpertRequest, question: Question, today: date
) -> ExpertQuestionSummary:
    return ExpertQuestionSummary(
        id=request.id,
        status=experts.state_of(request),
        onderwerp=question.subject,
        maatregelen=[m.code for m in question.measures],
        gesteld_op=request.asked_at,
        termijn=request.due_date,
        termijn_status=experts.due_state(settings, request, today),
        beantwoord_op=request.answered_at,
    )


def expert_question_read(settings: Settings, case: ExpertCase) -> ExpertQuestionRead:
    """Only what the expert needs: the asker and her municipality only when shared."""
    r, q = case.request, case.question
    shared = r.share_contact

    def person(user_id: int | None) -> PersonRef | None:
        if user_id is None:
            return None
        return PersonRef(id=user_id, naam=case.people.get(user_id, "(onbekend)"))

    return ExpertQuestionRead(
        id=r.id,
        vraag_id=q.id,
        status=experts.state_of(r),
        organisatie=CodeName(code=r.organisation_code, naam=case.organisation_name),
        onderwerp=q.subject,
        vraag=q.text,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in q.measures],
        thema=CodeName(code=q.theme_code, naam=case.theme_name or q.theme_code)
        if q.theme_code
        else None,
        expert_vraag=r.note,
        gesteld_door=person(r.asked_by),
        gesteld_op=r.asked_at,
        termijn=r.due_date,
        termijn_status=experts.due_state(settings, r, clock.today()),
        contact_gedeeld=shared,
        vragensteller=ExpertAskerRead(
            naam=q.asker_name, email=q.asker_email, organisatie=q.asker_organisation
        )
        if shared
        else None,
        gemeente=CodeName(
            code=q.municipality_code, naam=case.municipality_name or q.municipality_code
        )
        if shared and q.municipality_code
        else None,
        antwoord=r.answer,
        beantwoord_door=person(r.answered_by),
        beantwoord_op=r.answered_at,
    )
