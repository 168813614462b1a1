"""Every kind of notification, who may get it, and how it reaches her unless she chooses
otherwise. The one list docs/notifications.md describes."""

import enum
from dataclasses import dataclass

from api.core.security import Role


class Delivery(enum.StrEnum):
    """How a person wants a kind of notification: always in the app, and by mail at once, in
    one daily summary, or not at all."""

    IMMEDIATELY = "direct"
    DAILY = "dagelijks"
    IN_APP_ONLY = "alleen-in-app"


class Kind(enum.StrEnum):
    REVIEW_INVITED = "toetsing-uitgenodigd"
    VERDICT_GIVEN = "oordeel-gegeven"
    REVIEWED_PRODUCT_PUBLISHED = "getoetst-product-gepubliceerd"
    FOLLOWED_PRODUCT_PUBLISHED = "gevolgd-product-gepubliceerd"
    QUESTION_ASSIGNED = "vraag-toegewezen"
    QUESTION_ESCALATED = "vraag-voorgelegd"
    EXPERT_ANSWERED = "expertantwoord"
    QUESTION_DUE = "vraag-termijn"
    PRODUCT_DUE = "product-termijn"
    MUNICIPALITY_DEADLINE = "gemeente-termijn"
    SIGNAL_REPORTED = "signaal-gemeld"
    SIGNAL_RESPONSE = "signaal-reactie"
    PROPOSAL_RECEIVED = "verbetervoorstel-ontvangen"
    PROPOSAL_STEP = "verbetervoorstel-stap"
    ICT_DELAY = "ict-vertraging"


@dataclass(frozen=True)
class KindInfo:
    label: str
    """Dutch, as the preferences screen shows it."""
    description: str
    roles: frozenset[Role]
    """Who can get it: the preferences screen offers only these."""
    default: Delivery


_TEAM = frozenset({Role.EDITOR, Role.ADMIN})

KINDS: dict[Kind, KindInfo] = {
    Kind.REVIEW_INVITED: KindInfo(
        "Uitnodiging om te toetsen",
        "Een redacteur nodigt u uit een conceptversie van een product te toetsen.",
        frozenset({Role.MUNICIPAL_CONTACT}),
        Delivery.IMMEDIATELY,
    ),
    Kind.VERDICT_GIVEN: KindInfo(
        "Oordeel van een toetser",
        "Een toetser heeft een oordeel gegeven over een product dat u beheert of ter toetsing "
        "aanbood.",
        _TEAM,
        Delivery.IMMEDIATELY,
    ),
    Kind.REVIEWED_PRODUCT_PUBLISHED: KindInfo(
        "Getoetst product gepubliceerd",
        "Een product dat u hebt getoetst, is gepubliceerd.",
        frozenset({Role.MUNICIPAL_CONTACT}),
        Delivery.DAILY,
    ),
    Kind.FOLLOWED_PRODUCT_PUBLISHED: KindInfo(
        "Nieuwe versie van een product dat u volgt",
        "Van een product dat u volgt, is een nieuwe versie gepubliceerd.",
        frozenset(Role),
        Delivery.DAILY,
    ),
    Kind.QUESTION_ASSIGNED: KindInfo(
        "Vraag aan u toegewezen",
        "Een vraag is aan u toegewezen of aan u overgedragen.",
        _TEAM,
        Delivery.IMMEDIATELY,
    ),
    Kind.QUESTION_ESCALATED: KindInfo(
        "Vraag voorgelegd aan uw organisatie",
        "Het implementatieteam legt een vraag voor aan de experts van uw organisatie.",
        frozenset({Role.EXPERT}),
        Delivery.IMMEDIATELY,
    ),
    Kind.EXPERT_ANSWERED: KindInfo(
        "Antwoord van een expert",
        "Een expert heeft een voorgelegde vraag beantwoord; u verwerkt het in het antwoord.",
        _TEAM,
        Delivery.IMMEDIATELY,
    ),
    Kind.QUESTION_DUE: KindInfo(
        "Termijn van een vraag",
        "Een vraag die u behandelt, moet binnenkort beantwoord zijn of is over de termijn.",
        _TEAM | frozenset({Role.EXPERT}),
        Delivery.DAILY,
    ),
    Kind.PRODUCT_DUE: KindInfo(
        "Leverdatum van een product",
        "Een product dat u beheert, moet binnenkort geleverd zijn of is te laat.",
        _TEAM,
        Delivery.DAILY,
    ),
    Kind.MUNICIPALITY_DEADLINE: KindInfo(
        "Termijnen van uw gemeente",
        "Een maatregel moet binnenkort in uw gemeente in gang gezet zijn, of loopt achter.",
        frozenset({Role.MUNICIPAL_CONTACT}),
        Delivery.DAILY,
    ),
    Kind.SIGNAL_REPORTED: KindInfo(
        "Nieuw signaal gemeld",
        "Een gemeente of expert meldt een knelpunt of verbetervoorstel voor het register.",
        _TEAM,
        Delivery.DAILY,
    ),
    Kind.SIGNAL_RESPONSE: KindInfo(
        "Reactie op een signaal",
        "Een signaal dat uw gemeente meldde, steunde of waarvoor zij bewijs leverde, heeft een "
        "reactie gekregen van wie het kan veranderen.",
        frozenset({Role.MUNICIPAL_CONTACT, Role.EXPERT}),
        Delivery.IMMEDIATELY,
    ),
    Kind.PROPOSAL_RECEIVED: KindInfo(
        "Nieuw verbetervoorstel",
        "Iemand doet een verbetervoorstel voor een product dat u beheert.",
        _TEAM,
        Delivery.IMMEDIATELY,
    ),
    Kind.PROPOSAL_STEP: KindInfo(
        "Uw verbetervoorstel",
        "Uw verbetervoorstel is overgenomen, afgewezen (met de reden) of verwerkt in een nieuwe "
        "versie.",
        frozenset(Role),
        Delivery.IMMEDIATELY,
    ),
    Kind.ICT_DELAY: KindInfo(
        "Vertraging door ICT",
        "Een softwareleverancier levert later, waardoor een gemeente met een maatregel te laat "
        "is of niet meer op tijd kan beginnen.",
        frozenset({Role.MUNICIPAL_CONTACT}) | _TEAM,
        Delivery.DAILY,
    ),
}


def kinds_for(roles: frozenset[Role]) -> list[Kind]:
    return [kind for kind, info in KINDS.items() if info.roles & roles]
