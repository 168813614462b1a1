"""Dutch grammar of counts in messages: "1 rij", "3 rijen", and a verb that agrees with its
count ("1 van 22 rijen is ongeldig", "3 van 22 rijen zijn ongeldig")."""


def form(count: int, one: str, many: str) -> str:
    """The word that goes with `count`: singular for exactly one, plural otherwise (Dutch
    says "0 rijen")."""
    return one if count == 1 else many


def plural(count: int, one: str, many: str) -> str:
    """The count with its noun: "1 rij", "3 rijen"."""
    return f"{count} {form(count, one, many)}"


def part_of(part: int, whole: int, one: str, many: str, verb_one: str, verb_many: str) -> str:
    """ "1 van 22 rijen is", "3 van 22 rijen zijn", "1 van 1 rij is": the noun agrees with the
    whole, the verb with the part."""
    return f"{part} van {plural(whole, one, many)} {form(part, verb_one, verb_many)}"
