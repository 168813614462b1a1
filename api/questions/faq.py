"""The public FAQ: entries grown from answered questions, edited and anonymised, versioned, each
measure's entries carried in the catalogue as its Q&A product."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.core import highlight
from api.core.errors import ConflictError, NotFoundError
from api.core.pagination import PageParams
from api.core.queries import existing_values
from api.core.security import Principal
from api.core.settings import Settings
from api.core.stemming import content_stems
from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.products import generated
from api.questions import anonymity, notifications, repository, similarity
from api.questions.models import (
    FaqEntry,
    FaqProduct,
    FaqStatus,
    FaqVersion,
    Question,
)
from api.questions.policy import require_team
from api.questions.references import resolve_measures
from api.questions.workflow import record


@dataclass(frozen=True)
class FaqText:
    question: str
    answer: str
    measures: list[str]
    articles: list[str]
    may_name_municipality: bool


def faq_link(settings: Settings, measure_code: str) -> str:
    return f"{settings.public_url.rstrip('/')}/faq?maatregel={measure_code}"


def _askers(questions: list[Question]) -> list[Question]:
    return [a for q in questions for a in (q, *q.merged)]


def _check_personal_data(
    session: Session, invalid: InvalidParams, text: FaqText, questions: list[Question]
) -> None:
    askers = [a for a in _askers(questions) if a.erased_at is None]
    names = [a.asker_name for a in askers if a.asker_name]
    places = [a.asker_organisation for a in askers if a.asker_organisation]
    if not text.may_name_municipality:
        codes = {a.municipality_code for a in askers if a.municipality_code}
        places += list(repository.municipality_names(session, codes).values())
    for field, value in (("vraag", text.question), ("antwoord", text.answer)):
        for finding in anonymity.findings(value, names, places):
            invalid.add(
                field,
                "personal_data",
                f"Bevat een {finding.kind} ('{finding.text}'); anonimiseer de tekst.",
                "body",
            )


def _measures_and_check(
    session: Session, text: FaqText, questions: list[Question]
) -> list[Measure]:
    invalid = InvalidParams()
    measures = resolve_measures(session, invalid, text.measures)
    _check_personal_data(session, invalid, text, questions)
    invalid.raise_if_any()
    return measures


def _index(session: Session, entry: FaqEntry) -> None:
    version = entry.current
    similarity.index(session, "faq", entry.id, version.question, version.answer)


def create(
    session: Session,
    settings: Settings,
    principal: Principal,
    text: FaqText,
    question_ids: list[int],
) -> FaqEntry:
    require_team(principal, "De FAQ beheren")
    found = repository.questions_by_ids(session, question_ids)
    invalid = InvalidParams()
    for qid in question_ids:
        question = found.get(qid)
        if question is None:
            invalid.add("vragen", "unknown_value", f"Vraag {qid} bestaat niet.", "body")
        elif question.answered_at is None:
            invalid.add("vragen", "not_answered", f"Vraag {qid} is nog niet beantwoord.", "body")
    invalid.raise_if_any()
    questions = list(found.values())
    measures = _measures_and_check(session, text, questions)
    entry = FaqEntry(
        measures=measures,
        versions=[
            FaqVersion(
                number=1,
                question=text.question.strip(),
                answer=text.answer.strip(),
                legal_articles=[a.strip() for a in text.articles if a.strip()],
                change_note="Eerste versie",
                published_by=principal.user_id,
            )
        ],
    )
    session.add(entry)
    session.flush()
    for question in questions:
        question.faq_id = entry.id
        record(session, question, "faq-gepubliceerd", principal.subject, details={"faq": entry.id})
    _index(session, entry)
    sync_products(session, settings, principal, [m.code for m in measures])
    return entry


def _load(session: Session, faq_id: int) -> FaqEntry:
    entry = repository.get_faq(session, faq_id)
    if entry is None:
        raise NotFoundError(f"FAQ-item {faq_id} bestaat niet.")
    return entry


def update(
    session: Session,
    settings: Settings,
    principal: Principal,
    faq_id: int,
    text: FaqText,
    *,
    change_note: str,
    notify: bool,
) -> tuple[FaqEntry, int]:
    """A new version; the old ones stay readable. Returns the entry and how many were mailed."""
    require_team(principal, "De FAQ beheren")
    entry = _load(session, faq_id)
    if entry.status is FaqStatus.WITHDRAWN:
        raise ConflictError("Dit FAQ-item is ingetrokken; maak een nieuw item.")
    questions = repository.questions_of_faq(session, faq_id)
    measures = _measures_and_check(session, text, questions)
    before = {m.code for m in entry.measures}
    entry.measures = measures
    entry.versions.append(
        FaqVersion(
            number=entry.current.number + 1,
            question=text.question.strip(),
            answer=text.answer.strip(),
            legal_articles=[a.strip() for a in text.articles if a.strip()],
            change_note=change_note.strip(),
            published_by=principal.user_id,
        )
    )
    entry.updated_at = datetime.now(UTC)
    session.flush()
    _index(session, entry)
    sync_products(session, settings, principal, sorted(before | {m.code for m in measures}))
    mailed = 0
    if notify:
        mailed = notifications.faq_changed(
            session, settings, _askers(questions), entry.id, change_note.strip()
        )
    return entry, mailed


def withdraw(
    session: Session, settings: Settings, principal: Principal, faq_id: int, note: str
) -> FaqEntry:
    require_team(principal, "De FAQ beheren")
    entry = _load(session, faq_id)
    if entry.status is FaqStatus.WITHDRAWN:
        raise ConflictError("Dit FAQ-item is al ingetrokken.")
    entry.status = FaqStatus.WITHDRAWN
    entry.updated_at = datetime.now(UTC)
    entry.withdrawal_note = note.strip()
    similarity.remove(session, "faq", entry.id)
    session.flush()
    sync_products(session, settings, principal, [m.code for m in entry.measures])
    return entry


def sync_products(
    session: Session, settings: Settings, principal: Principal, measure_codes: list[str]
) -> None:
    """Brings each measure's Q&A product in line with its published entries. A new product is
    owned by the editor whose publication called for it."""
    measures = repository.measures_by_codes(session, measure_codes)
    for code in measure_codes:
        count = len(repository.published_faq_of_measure(session, code))
        link = repository.faq_product(session, code)
        if link is not None and generated.refresh_qa_product(
            session, link.product_id, measures[code], count
        ):
            continue
        if count == 0:
            continue
        product = generated.create_qa_product(
            session,
            measures[code],
            count,
            "Vragen en antwoorden",
            faq_link(settings, code),
            owner_id=principal.user_id,
        )
        if link is None:
            session.add(FaqProduct(measure_code=code, product_id=product.id))
        else:
            link.product_id = product.id
    session.flush()


def proposal(
    session: Session, principal: Principal, question_id: int
) -> tuple[str, str, list[str], list[str]]:
    """A first draft of an FAQ entry from an answered question, personal data replaced."""
    require_team(principal, "De FAQ beheren")
    question = repository.get_question(session, question_id)
    if question is None:
        raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    if question.answer is None:
        raise ConflictError("Deze vraag heeft nog geen antwoord.")
    askers = [a for a in _askers([question]) if a.erased_at is None]
    names = [a.asker_name for a in askers if a.asker_name]
    codes = {a.municipality_code for a in askers if a.municipality_code}
    places = [a.asker_organisation for a in askers if a.asker_organisation]
    places += list(repository.municipality_names(session, codes).values())
    text, replaced_q = anonymity.anonymise(question.text, names, places)
    answer, replaced_a = anonymity.anonymise(question.answer, names, places)
    replaced = list(dict.fromkeys([*replaced_q, *replaced_a]))
    return text, answer, [m.code for m in question.measures], replaced


def find(
    session: Session, principal: Principal, measure: str | None, text: str | None, page: PageParams
) -> tuple[list[tuple[FaqEntry, str | None]], int]:
    """Published entries (the team also sees withdrawn ones); with a text, ranked by it."""
    invalid = InvalidParams()
    invalid.unknown("maatregel", measure, lambda: existing_values(session, Measure.code))
    invalid.raise_if_any()
    ids = repository.faq_ids(session, measure, public_only=not principal.is_programme_team)
    if text:
        allowed = set(ids)
        ids = [m.id for m in similarity.similar(session, text, kinds={"faq"}) if m.id in allowed]
    window = ids[page.offset : page.offset + page.size]
    entries = repository.faq_entries(session, window)
    shown = [
        (
            entries[i],
            highlight.fragment(
                [entries[i].current.question, entries[i].current.answer], text, content_stems
            )
            if text
            else None,
        )
        for i in window
    ]
    return shown, len(ids)


def get_visible(session: Session, principal: Principal, faq_id: int) -> FaqEntry:
    entry = repository.get_faq(session, faq_id)
    if entry is None or (
        entry.status is not FaqStatus.PUBLISHED and not principal.is_programme_team
    ):
        raise NotFoundError(f"FAQ-item {faq_id} bestaat niet.")
    return entry


@dataclass(frozen=True, slots=True)
class NewEntry:
    faq_id: int
    question: str
    measures: frozenset[str]


def new_since(session: Session, since: datetime) -> list[NewEntry]:
    """FAQ entries published for the first time at or after `since`."""
    return [
        NewEntry(e.id, e.current.question, frozenset(m.code for m in e.measures))
        for e in repository.faq_created_since(session, since)
    ]
