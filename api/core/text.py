"""Text helpers shared by the domains."""

import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: 'Súdwest-Fryslân' -> 'sudwest-fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def like_pattern(term: str) -> str:
    """A LIKE pattern for 'contains term', with the wildcard characters in term escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
