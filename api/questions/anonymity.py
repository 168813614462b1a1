"""Keeping personal data out of the public FAQ: find it, and propose a text without it.

What counts: e-mail addresses and telephone numbers anywhere, the names of the people who asked
the underlying questions, and their municipality's or organisation's name unless the editor
chose to name it. The check runs on every publication; a hit is a 400 listing what was found."""

import re
from dataclasses import dataclass

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Dutch numbers: 06-12345678, 030 123 4567, +31 6 1234 5678, 0031...
PHONE = re.compile(r"(?<!\w)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8,9}(?!\w)")
MIN_NAME_PART = 3
# Words in names that say nothing about the person.
NAME_PARTICLES = frozenset({"van", "der", "den", "de", "het", "ter", "ten", "mevrouw", "meneer"})


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


def _name_parts(names: list[str]) -> list[str]:
    parts: list[str] = []
    for name in names:
        parts.append(name.strip())
        parts.extend(
            p
            for p in re.findall(r"[\w'-]+", name)
            if len(p) >= MIN_NAME_PART and p.casefold() not in NAME_PARTICLES
        )
    return sorted({p for p in parts if p}, key=len, reverse=True)


def _word(value: str) -> re.Pattern[str]:
    # Case counts: "Best" the municipality, "best" the word.
    return re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")


def findings(text: str, names: list[str], places: list[str]) -> list[Finding]:
    found = [Finding("e-mailadres", m.group()) for m in EMAIL.finditer(text)]
    found += [Finding("telefoonnummer", m.group().strip()) for m in PHONE.finditer(text)]
    for part in _name_parts(names):
        found += [Finding("naam", m.group()) for m in _word(part).finditer(text)]
    for place in sorted({p for p in places if p}, key=len, reverse=True):
        found += [
            Finding("gemeente of organisatie", m.group()) for m in _word(place).finditer(text)
        ]
    return list(dict.fromkeys(found))


def anonymise(text: str, names: list[str], places: list[str]) -> tuple[str, list[str]]:
    """The text with personal data replaced by neutral words, and what was replaced."""
    replaced: list[str] = []

    def swap(pattern: re.Pattern[str], placeholder: str, value: str) -> str:
        def one(match: re.Match[str]) -> str:
            replaced.append(match.group())
            return placeholder

        return pattern.sub(one, value)

    result = swap(EMAIL, "[e-mailadres]", text)
    result = swap(PHONE, "[telefoonnummer]", result)
    for part in _name_parts(names):
        result = swap(_word(part), "[naam]", result)
    for place in sorted({p for p in places if p}, key=len, reverse=True):
        result = swap(_word(place), "de gemeente", result)
    result = re.sub(r"(\[naam\])(\s+\[naam\])+", r"\1", result)
    return result, list(dict.fromkeys(replaced))
