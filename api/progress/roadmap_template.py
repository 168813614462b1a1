"""The default roadmap seeded for every measure: the usual steps of implementing a change in
the Participatiewet, with latest start and finish relative to the effective date. Editors
adapt it per measure; the seed never overwrites their changes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TemplateStep:
    code: str
    title: str
    description: str
    start: int
    finish: int
    depends_on: tuple[str, ...] = ()
    needs_area: str | None = None
    """Only for measures with this impact area."""


TEMPLATE = (
    TemplateStep(
        "impactanalyse",
        "Impact analyseren",
        "Bepaal wat de maatregel betekent voor beleid, werkproces, ICT, financiën en inwoners.",
        -270,
        -210,
    ),
    TemplateStep(
        "beleid",
        "Beleidsregels of verordening aanpassen",
        "Pas beleidsregels aan en leg een verordening zo nodig voor aan de raad.",
        -210,
        -90,
        ("impactanalyse",),
        "beleid-en-regelgeving",
    ),
    TemplateStep(
        "werkproces",
        "Werkproces aanpassen",
        "Pas werkinstructies, formulieren en beschikkingen aan.",
        -180,
        -60,
        ("impactanalyse",),
    ),
    TemplateStep(
        "ict",
        "ICT en leverancier",
        "Laat de software aanpassen, test en neem de wijziging in productie.",
        -240,
        -30,
        ("impactanalyse",),
        "ict",
    ),
    TemplateStep(
        "scholing",
        "Medewerkers scholen",
        "Bereid klantmanagers en andere medewerkers voor op de nieuwe werkwijze.",
        -90,
        -14,
        ("werkproces",),
    ),
    TemplateStep(
        "communicatie",
        "Inwoners informeren",
        "Informeer inwoners en ketenpartners, in begrijpelijke taal (B1).",
        -90,
        -7,
        ("impactanalyse",),
    ),
    TemplateStep(
        "livegang", "Live", "De nieuwe werkwijze geldt.", -7, 0, ("werkproces", "scholing")
    ),
    TemplateStep(
        "evaluatie",
        "Evalueren",
        "Kijk na een paar maanden of de uitvoering werkt zoals bedoeld.",
        90,
        180,
        ("livegang",),
    ),
)


def steps_for(
    measure_code: str, impact_areas: set[str], obligation: str
) -> list[dict[str, object]]:
    """The template rows for one measure, as seed rows."""
    included = [s for s in TEMPLATE if s.needs_area is None or s.needs_area in impact_areas]
    codes = {s.code for s in included}
    return [
        {
            "key": f"{measure_code}:{step.code}",
            "measure_code": measure_code,
            "code": step.code,
            "position": position,
            "title": step.title,
            "description": step.description,
            "start_offset_days": step.start,
            "finish_offset_days": step.finish,
            "depends_on": [d for d in step.depends_on if d in codes],
            "council_decision": step.code == "beleid" and obligation == "verplicht",
        }
        for position, step in enumerate(included, start=1)
    ]
