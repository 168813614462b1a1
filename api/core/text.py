"""Text helpers shared by the domains."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: 'Súdwest-Fryslân' -> 'sudwest-fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def like_pattern(term: str) -> str:
    """A LIKE pattern for 'contains term', with the wildcard characters in term escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Characters no text of this API may hold: C0 controls other than tab and line breaks, DEL,
# C1 controls, lone surrogates and the non-characters U+FFFE/U+FFFF. They break XML (the Atom
# feed), spreadsheets and terminals, and no person types them on purpose.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def unsafe_character(text: str) -> str | None:
    """The first character `text` may not hold, as U+XXXX with its position, or None."""
    found = _UNSAFE.search(text)
    if found is None:
        return None
    return f"U+{ord(found.group()):04X} op positie {found.start() + 1}"


def unsafe_character_reason(text: str) -> str | None:
    """Why `text` is refused, in Dutch, or None when it may be stored."""
    found = unsafe_character(text)
    return None if found is None else f"Bevat een niet-toegestaan (stuur)teken: {found}."


def without_unsafe_characters(text: str) -> str:
    """`text` with every refused character removed, for output that must not break."""
    return _UNSAFE.sub("", text)


# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """Free text a spreadsheet must show, never evaluate (CSV injection), and can store: text
    written before the input was checked may hold control characters or a lone surrogate, which
    openpyxl refuses to write (XML 1.0 forbids them) and UTF-8 cannot encode. Numbers and dates
    pass as they are."""
    if not isinstance(value, str):
        return value
    value = without_unsafe_characters(value)
    return "'" + value if value.startswith(FORMULA_START) else value
