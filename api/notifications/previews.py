"""Every mail a notification can send, rendered with sample data, so an admin sees what people
get before anyone gets it."""

from dataclasses import dataclass

from api.accounts.principal import require_admin
from api.core.security import Principal
from api.core.settings import Settings
from api.notifications import mail
from api.notifications.kinds import KINDS, Kind

SAMPLE_NAME = "Voorbeeld Persoon"
SAMPLE_TOKEN = "voorbeeld-afmeldcode-niet-geldig"  # noqa: S105 (a sample, never a secret)

SAMPLES: dict[Kind, mail.Line] = {
    Kind.REVIEW_INVITED: mail.Line(
        "Toetsen: Handreiking giftenvrijlating",
        "U bent uitgenodigd om conceptversie 2 van 'Handreiking giftenvrijlating' te toetsen.",
        "/producten/1",
    ),
    Kind.VERDICT_GIVEN: mail.Line(
        "Oordeel over Handreiking giftenvrijlating: goedgekeurd",
        "Ute Utrecht heeft versie 2 van 'Handreiking giftenvrijlating' getoetst: goedgekeurd.",
        "/producten/1",
    ),
    Kind.REVIEWED_PRODUCT_PUBLISHED: mail.Line(
        "Gepubliceerd: Handreiking giftenvrijlating",
        "Versie 2 van 'Handreiking giftenvrijlating', die u toetste, is gepubliceerd.",
        "/producten/1",
    ),
    Kind.FOLLOWED_PRODUCT_PUBLISHED: mail.Line(
        "Nieuwe versie: Handreiking giftenvrijlating",
        "Versie 3 van 'Handreiking giftenvrijlating', dat u volgt, is gepubliceerd.",
        "/producten/1",
    ),
    Kind.QUESTION_ASSIGNED: mail.Line(
        "Vraag 42 is aan u toegewezen",
        "U behandelt nu de vraag 'Telt een gift van de kerk mee?'.",
        "/vragen/42",
    ),
    Kind.QUESTION_ESCALATED: mail.Line(
        "Vraag voorgelegd: Telt een gift van de kerk mee?",
        "Het implementatieteam legt uw organisatie een vraag voor.",
        "/expertvragen/7",
    ),
    Kind.EXPERT_ANSWERED: mail.Line(
        "Antwoord van Stimulansz op vraag 42",
        "Een expert van Stimulansz heeft de vraag beantwoord.",
        "/vragen/42",
    ),
    Kind.QUESTION_DUE: mail.Line(
        "Vraag 42 moet overmorgen beantwoord zijn",
        "De termijn van 'Telt een gift van de kerk mee?' verloopt.",
        "/vragen/42",
    ),
    Kind.PRODUCT_DUE: mail.Line(
        "Binnenkort te leveren: Factsheet bufferbudget",
        "'Factsheet bufferbudget' moet uiterlijk 01-02-2027 gepubliceerd zijn.",
        "/producten/3",
    ),
    Kind.MUNICIPALITY_DEADLINE: mail.Line(
        "Starten vóór 01-03-2027: M05",
        "Uw gemeente moet uiterlijk 01-03-2027 beginnen met deze maatregel.",
        "/voortgang/gemeenten/GM0344/M05",
    ),
    Kind.SIGNAL_REPORTED: mail.Line(
        "Nieuw signaal: Koppeling met de RDW ontbreekt",
        "Ute Utrecht meldde een signaal voor het knelpuntenregister.",
        "/signalen/12",
    ),
    Kind.SIGNAL_RESPONSE: mail.Line(
        "Reactie op het signaal: Koppeling met de RDW ontbreekt",
        "Het signaal is beantwoord door wie het kan veranderen. Lees wat er verandert.",
        "/signalen/12",
    ),
    Kind.PROPOSAL_RECEIVED: mail.Line(
        "Nieuw verbetervoorstel: Handreiking giftenvrijlating",
        "Er is een verbetervoorstel binnengekomen voor versie 2 van 'Handreiking "
        "giftenvrijlating'.",
        "/verbetervoorstellen/5",
    ),
    Kind.PROPOSAL_STEP: mail.Line(
        "Uw verbetervoorstel is overgenomen: Handreiking giftenvrijlating",
        "Uw verbetervoorstel voor 'Handreiking giftenvrijlating' is overgenomen en komt in "
        "versie 3.",
        "/verbetervoorstellen/5",
    ),
    Kind.ICT_DELAY: mail.Line(
        "Te laat door ICT: M15 Uniforme inkomstenvrijlating en automatisch verrekenen",
        "Rekenwerk Software levert Rekenwerk Inkomen voor M15 nu op 15-02-2027, na de "
        "ingangsdatum: daardoor is Utrecht door ICT te laat met deze maatregel.",
        "/voortgang/gemeenten/GM0344",
    ),
}


@dataclass(frozen=True)
class Preview:
    name: str
    description: str
    rendered: mail.Rendered


def _absolute(settings: Settings, line: mail.Line) -> mail.Line:
    return mail.Line(line.title, line.text, mail.absolute(settings, line.url))


def previews(principal: Principal, settings: Settings) -> list[Preview]:
    require_admin(principal)
    found = [
        Preview(
            kind.value,
            info.label,
            mail.one(
                settings,
                name=SAMPLE_NAME,
                line=_absolute(settings, SAMPLES[kind]),
                token=SAMPLE_TOKEN,
                kind_label=info.label,
            ),
        )
        for kind, info in KINDS.items()
    ]
    groups = [
        mail.Group(KINDS[kind].label, [_absolute(settings, SAMPLES[kind])])
        for kind in (Kind.QUESTION_DUE, Kind.PRODUCT_DUE)
    ]
    summary = mail.summary(settings, name=SAMPLE_NAME, groups=groups, token=SAMPLE_TOKEN)
    found.append(Preview("dagoverzicht", "Dagoverzicht", summary))
    return found
