"""The team's figures as CSV: one row per touchpoint, group, period and number, so every
touchpoint fits one file and a spreadsheet can pivot it. A withheld group has its numbers
empty and says why."""

from collections.abc import Iterator

from api.core.opendata import csv_bytes
from api.core.text import spreadsheet_cell
from api.satisfaction.figures_guard import TOO_FEW
from api.satisfaction.figures_schemas import (
    AnswerFigure,
    AnswerGroup,
    ProductFigure,
    SatisfactionFigures,
    SurveyFigure,
)

COLUMNS = [
    "contactpunt",
    "groep_code",
    "groep_naam",
    "periode",
    "van",
    "tot",
    "cijfer",
    "waarde",
    "opmerking",
]
TOTAL = "totaal"


def _answer_numbers(f: AnswerFigure) -> list[tuple[str, object]]:
    scores = {c.score: c.aantal for c in f.verdeling or []}
    return [
        ("aantal_gevraagd", f.aantal_gevraagd),
        ("aantal_beoordeeld", f.aantal_beoordeeld),
        ("responspercentage", f.responspercentage),
        ("gemiddelde", f.gemiddelde),
        *((f"aantal_score_{n}", scores.get(n)) for n in range(1, 6)),
    ]


def _product_numbers(f: ProductFigure) -> list[tuple[str, object]]:
    return [
        ("aantal_stemmen", f.aantal_stemmen),
        ("aantal_nuttig", f.aantal_nuttig),
        ("aandeel_nuttig", f.aandeel_nuttig),
    ]


def _survey_numbers(f: SurveyFigure) -> list[tuple[str, object, bool]]:
    found: list[tuple[str, object, bool]] = [
        ("aantal_uitgenodigd", f.aantal_uitgenodigd, f.te_weinig_antwoorden),
        ("aantal_beantwoord", f.aantal_beantwoord, f.te_weinig_antwoorden),
        ("responspercentage", f.responspercentage, f.te_weinig_antwoorden),
    ]
    for q in f.vragen:
        found.append((f"vraag_{q.vraag.id}_aantal", q.aantal, q.te_weinig_antwoorden))
        found.append((f"vraag_{q.vraag.id}_gemiddelde", q.gemiddelde, q.te_weinig_antwoorden))
    return found


def rows(figures: SatisfactionFigures) -> Iterator[list[object]]:
    dates = {p.code: (p.van, p.tot) for p in figures.perioden}
    whole = (figures.van, figures.tot)

    def line(
        touchpoint: str,
        code: str,
        name: str,
        period: str,
        number: str,
        value: object,
        too_few: bool,
    ) -> list[object]:
        start, end = whole if period == TOTAL else dates[period]
        return [
            touchpoint,
            code,
            # An advisor's name is typed by people: a spreadsheet must show it, not run it.
            spreadsheet_cell(name),
            period,
            start,
            end,
            number,
            None if too_few else value,
            TOO_FEW if too_few else None,
        ]

    def scored(touchpoint: str, groups: list[AnswerGroup]) -> Iterator[list[object]]:
        for g in groups:
            for period, a in [(TOTAL, g.totaal), *((p.periode, p) for p in g.trend)]:
                for number, value in _answer_numbers(a):
                    yield line(
                        touchpoint,
                        g.groep.code,
                        g.groep.naam,
                        period,
                        number,
                        value,
                        a.te_weinig_antwoorden,
                    )

    if figures.antwoorden:
        yield from scored("antwoorden", figures.antwoorden.groepen)
    if figures.producten:
        for pg in figures.producten.groepen:
            for period, p in [(TOTAL, pg.totaal), *((t.periode, t) for t in pg.trend)]:
                for number, value in _product_numbers(p):
                    yield line(
                        "producten",
                        pg.groep.code,
                        pg.groep.naam,
                        period,
                        number,
                        value,
                        p.te_weinig_antwoorden,
                    )
    if figures.peiling:
        for sg in figures.peiling.groepen:
            for period, s in [(TOTAL, sg.totaal), *((t.periode, t) for t in sg.trend)]:
                for number, value, too_few in _survey_numbers(s):
                    yield line(
                        "peiling", sg.groep.code, sg.groep.naam, period, number, value, too_few
                    )
    if figures.bijeenkomsten:
        yield from scored("bijeenkomsten", figures.bijeenkomsten.groepen)


def as_csv(figures: SatisfactionFigures) -> bytes:
    return csv_bytes(COLUMNS, rows(figures))
