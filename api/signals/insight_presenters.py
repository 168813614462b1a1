"""The blockers view and the suggestions in their public shapes."""

from collections import Counter

from sqlalchemy.orm import Session

from api.core.schemas import CodeName
from api.progress.vocabulary import BLOCKER_KIND_LABELS
from api.questions.models import Question
from api.signals import blockers, repository, suggestions
from api.signals.blockers import Blocker, BlockerKindFilter
from api.signals.insight_schemas import (
    BlockerGroup,
    BlockerItem,
    BlockerKindCount,
    BlockerMeasureCount,
    BlockersView,
    LinkedSignal,
    QuestionItem,
    SignalLink,
    SignalProposal,
    SuggestionDismissal,
    SuggestionList,
    SuggestionRead,
    SuggestionReasonRead,
    SuggestionThresholds,
)
from api.signals.proposals import Proposal as ProposalRule
from api.signals.repository import SignalRef
from api.signals.suggestions import SuggestionReason
from api.signals.vocabulary import SignalKind

KIND_ORDER = [*(k.value for k in SignalKind), blockers.NO_KIND]


def _kind_name(kind: str) -> str:
    return "Geen soort" if kind == blockers.NO_KIND else BLOCKER_KIND_LABELS[SignalKind(kind)]


def _link(ref: SignalRef) -> SignalLink:
    return SignalLink(id=ref.id, titel=ref.title, status=ref.status)


def _linked(refs: list[list[SignalRef]]) -> list[LinkedSignal]:
    """The signals behind some of the evidence, with how much of it each holds."""
    counts: Counter[int] = Counter()
    first: dict[int, SignalRef] = {}
    for held in refs:
        for ref in held:
            counts[ref.id] += 1
            first.setdefault(ref.id, ref)
    return [
        LinkedSignal(id=i, titel=first[i].title, status=first[i].status, aantal_bewijs=n)
        for i, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _proposal(proposal: ProposalRule) -> SignalProposal:
    return SignalProposal(
        titel=proposal.title,
        omschrijving=proposal.description,
        soort=proposal.kind,
        maatregelen=proposal.measures,
        themas=proposal.themes,
    )


def _blocker(
    blocker: Blocker,
    measure_names: dict[str, str],
    signals: dict[tuple[str, str], list[SignalRef]],
) -> BlockerItem:
    return BlockerItem(
        gemeente=CodeName(code=blocker.municipality, naam=blocker.municipality_name),
        maatregel=CodeName(
            code=blocker.measure, naam=measure_names.get(blocker.measure, blocker.measure)
        ),
        tekst=blocker.text,
        soort=blocker.kind,
        sinds=blocker.since,
        signalen=[_link(r) for r in signals.get((blocker.municipality, blocker.measure), [])],
    )


def _kind_counts(tally: dict[str, tuple[int, int]]) -> list[BlockerKindCount]:
    return [
        BlockerKindCount(
            soort=BlockerKindFilter(kind),
            naam=_kind_name(kind),
            aantal_knelpunten=tally[kind][0],
            aantal_gemeenten=tally[kind][1],
        )
        for kind in KIND_ORDER
        if kind in tally
    ]


def blockers_view(view: blockers.View) -> BlockersView:
    names = view.measure_names
    per_measure = blockers.tally(view.blockers, lambda b: b.measure)
    per_cell_kind = blockers.tally(view.blockers, lambda b: (b.measure, b.kind_name))
    cells, places = blockers.tally(view.blockers, lambda _: "").get("", (0, 0))
    measures = [
        BlockerMeasureCount(
            maatregel=CodeName(code=code, naam=names.get(code, code)),
            aantal_knelpunten=n,
            aantal_gemeenten=m,
            per_soort=_kind_counts({k: v for (c, k), v in per_cell_kind.items() if c == code}),
        )
        for code, (n, m) in sorted(per_measure.items())
    ]
    return BlockersView(
        aantal_knelpunten=cells,
        aantal_gemeenten=places,
        per_maatregel=measures,
        per_soort=_kind_counts(blockers.tally(view.blockers, lambda b: b.kind_name)),
        groepen=[
            BlockerGroup(
                sleutel=g.key,
                kernwoorden=g.keywords,
                aantal_knelpunten=len(g.blockers),
                aantal_gemeenten=len(g.municipalities),
                maatregelen=[CodeName(code=c, naam=names.get(c, c)) for c in g.measures],
                knelpunten=[_blocker(b, names, view.signals) for b in g.blockers],
                signalen=_linked(
                    [view.signals.get((b.municipality, b.measure), []) for b in g.blockers]
                ),
                voorstel=_proposal(blockers.proposal(g)),
            )
            for g in view.groups
        ],
    )


def _reason(
    reason: SuggestionReason, suggestion: suggestions.Suggestion, thresholds: SuggestionThresholds
) -> str:
    if reason is SuggestionReason.MUNICIPALITIES:
        return (
            f"{suggestion.municipalities} gemeenten lopen hiertegenaan "
            f"(drempel {thresholds.gemeenten})."
        )
    return (
        f"Stijgend: {suggestion.new_this_month} nieuw deze maand, "
        f"{suggestion.new_last_month} de maand ervoor."
    )


def _question(
    question: Question, names: dict[str, str], signals: dict[int, list[SignalRef]]
) -> QuestionItem:
    code = question.municipality_code
    return QuestionItem(
        id=question.id,
        onderwerp=question.subject,
        gemeente=CodeName(code=code, naam=names.get(code, code)) if code else None,
        ontvangen_op=question.received_at,
        signalen=[_link(r) for r in signals.get(question.id, [])],
    )


def suggestion_list(
    session: Session, listing: suggestions.Listing, thresholds: SuggestionThresholds
) -> SuggestionList:
    found = listing.suggestions
    places = {q.municipality_code for s in found for q in s.questions if q.municipality_code}
    names = repository.municipality_names(session, places)
    codes = {c for s in found for c in s.proposal.measures} | {
        b.measure for s in found for b in s.blockers
    }
    measure_names = {
        code: m.title for code, m in repository.measures_by_codes(session, sorted(codes)).items()
    }
    return SuggestionList(
        van=listing.start,
        tot=listing.end,
        drempels=thresholds,
        resultaten=[
            SuggestionRead(
                sleutel=s.key,
                bron=s.source,
                voorstel=_proposal(s.proposal),
                kernwoorden=s.keywords,
                aantal_gemeenten=s.municipalities,
                aantal_bewijs=s.proposal.evidence_count,
                nieuw_deze_maand=s.new_this_month,
                nieuw_vorige_maand=s.new_last_month,
                redenen=[
                    SuggestionReasonRead(code=r, uitleg=_reason(r, s, thresholds))
                    for r in s.reasons
                ],
                vragen=[_question(q, names, listing.question_signals) for q in s.questions],
                knelpunten=[_blocker(b, measure_names, listing.cell_signals) for b in s.blockers],
                signalen=_linked(
                    [listing.question_signals.get(q.id, []) for q in s.questions]
                    + [
                        listing.cell_signals.get((b.municipality, b.measure), [])
                        for b in s.blockers
                    ]
                ),
                eerder_afgewezen=(
                    SuggestionDismissal(
                        op=s.dismissed.dismissed_at, aantal_bewijs=s.dismissed.evidence
                    )
                    if s.dismissed
                    else None
                ),
            )
            for s in found
        ],
    )
