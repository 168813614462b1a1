"""Keeping personal data out of the public FAQ: find it, and propose a text without it.

What counts: e-mail addresses and telephone numbers anywhere, names after a salutation
("mevrouw De Vries", "dhr. Van 't Hek"), the names of the people who asked the underlying
questions, and their municipality's or organisation's name unless the editor chose to name it.
The check runs on every publication; a hit is a 400 listing what was found."""

import re
from dataclasses import dataclass

import phonenumbers

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# VALID, not POSSIBLE: a number must fall in a range that is really handed out, which is what
# keeps dates ("13-05-2026"), amounts ("€ 12.345,00") and year spans ("2025-2026") out, while
# every way of writing a real number ("(030) 286 00 00", "+31 (0)30 …", "0800-1234") is found.
PHONE_LENIENCY = phonenumbers.Leniency.VALID
PHONE_REGION = "NL"
MIN_NAME_PART = 3
# Words in names that say nothing about the person.
NAME_PARTICLES = frozenset({"van", "der", "den", "de", "het", "ter", "ten", "mevrouw", "meneer"})

# A salutation announces a name whoever it belongs to, so names of people who did not ask (a
# colleague, the other party in a case) are found too. Case-insensitive: "Mevrouw", "mevr.".
SALUTATION = re.compile(
    r"(?<!\w)(?:mevrouw|mevr\.?|mw\.|meneer|mijnheer|dhr\.?|(?:de|geachte|beste)\s+heer"
    r"|mr\.|dr\.|drs\.|ir\.|ing\.|prof\.)(?=\s)",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"\s+(['’]?[^\W\d_][\w'’.-]*)")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+")
_TITLES = frozenset({"mr.", "dr.", "drs.", "ir.", "ing.", "prof."})
# Tussenvoegsels: lower or upper case ("van der Berg", "Van 't Hek"); never a name on their own.
_TUSSENVOEGSELS = frozenset(
    {"van", "de", "der", "den", "het", "'t", "’t", "ter", "ten", "te", "in", "op", "'s", "’s"}
    | {"d'", "du", "la", "le", "von", "vom", "zu", "da", "di", "del", "dos", "aan"}
)
MAX_SURNAME_WORDS = 3


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    shown: str
    """What the editor is told was found: the number as written, or a salutation with its name."""


def _phone_spans(text: str) -> list[_Span]:
    return [
        _Span(m.start, m.end, m.raw_string)
        for m in phonenumbers.PhoneNumberMatcher(text, PHONE_REGION, leniency=PHONE_LENIENCY)
    ]


def _name_after(text: str, position: int) -> tuple[int, int] | None:
    """The span of the name that follows a salutation ending at `position`: titles, initials
    and tussenvoegsels, then one to three capitalised words; None when no such word follows."""
    start: int | None = None
    end: int | None = None
    words = 0
    while words < MAX_SURNAME_WORDS and (token := _NAME_TOKEN.match(text, position)):
        word = token.group(1)
        bare = word.rstrip(".")
        leading = end is None and (
            word.casefold() in _TITLES
            or (word[:1].isupper() and _INITIALS.fullmatch(word) is not None)
            or bare.casefold() in _TUSSENVOEGSELS
        )
        if not leading and not bare[:1].isupper():
            break
        start = token.start(1) if start is None else start
        position = token.end()
        if leading:
            continue
        end = token.start(1) + len(bare)
        words += 1
        if word != bare:  # a full stop ends the sentence, and the name
            break
    return None if start is None or end is None else (start, end)


def _salutation_spans(text: str) -> list[_Span]:
    spans: list[_Span] = []
    for salutation in SALUTATION.finditer(text):
        if spans and salutation.start() < spans[-1].end:
            continue  # a title inside a name already found ("mevrouw mr. De Vries")
        name = _name_after(text, salutation.end())
        if name is not None:
            spans.append(_Span(name[0], name[1], text[salutation.start() : name[1]]))
    return spans


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


def _places(places: list[str]) -> list[str]:
    return sorted({p for p in places if p}, key=len, reverse=True)


def findings(text: str, names: list[str], places: list[str]) -> list[Finding]:
    found = [Finding("e-mailadres", m.group()) for m in EMAIL.finditer(text)]
    found += [Finding("telefoonnummer", span.shown) for span in _phone_spans(text)]
    found += [Finding("naam", span.shown) for span in _salutation_spans(text)]
    for part in _name_parts(names):
        found += [Finding("naam", m.group()) for m in _word(part).finditer(text)]
    for place in _places(places):
        found += [
            Finding("gemeente of organisatie", m.group()) for m in _word(place).finditer(text)
        ]
    return list(dict.fromkeys(found))


class _Redaction:
    """Replaces what it finds by neutral words and remembers what it replaced."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.replaced: list[str] = []

    def pattern(self, pattern: re.Pattern[str], placeholder: str) -> None:
        def one(match: re.Match[str]) -> str:
            self.replaced.append(match.group())
            return placeholder

        self.text = pattern.sub(one, self.text)

    def spans(self, spans: list[_Span], placeholder: str) -> None:
        self.replaced += [self.text[span.start : span.end] for span in spans]
        # From the end, so the earlier offsets stay right.
        for span in reversed(spans):
            self.text = self.text[: span.start] + placeholder + self.text[span.end :]

    def names(self, names: list[str]) -> None:
        for part in _name_parts(names):
            self.pattern(_word(part), "[naam]")
        self.text = re.sub(r"(\[naam\])(\s+\[naam\])+", r"\1", self.text)


def anonymise(text: str, names: list[str], places: list[str]) -> tuple[str, list[str]]:
    """The text with personal data replaced by neutral words, and what was replaced."""
    redaction = _Redaction(text)
    redaction.pattern(EMAIL, "[e-mailadres]")
    redaction.spans(_phone_spans(redaction.text), "[telefoonnummer]")
    # Salutations first: "mevrouw De Vries" becomes "mevrouw [naam]", not "mevrouw De [naam]".
    redaction.spans(_salutation_spans(redaction.text), "[naam]")
    redaction.names(names)
    for place in _places(places):
        redaction.pattern(_word(place), "de gemeente")
    return redaction.text, list(dict.fromkeys(redaction.replaced))


def without_people(text: str, names: list[str], emails: list[str]) -> str:
    """The text without these people's names and addresses; other numbers and addresses (a
    help desk's, say) stay, unlike in `anonymise`."""
    redaction = _Redaction(text)
    for email in sorted({e for e in emails if e}, key=len, reverse=True):
        redaction.pattern(re.compile(re.escape(email), re.IGNORECASE), "[e-mailadres]")
    redaction.names(names)
    return redaction.text
