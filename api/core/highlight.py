"""A short fragment of text around the first search hit, hits wrapped in <mark> and the rest
HTML-escaped, so a client may render it as markup safely."""

import html
from collections.abc import Callable

from api.core.stemming import stems

FRAGMENT_WORDS = 24


def fragment(
    sources: list[str], query: str, stemmer: Callable[[str], list[str]] = stems
) -> str | None:
    """From the first source with a hit (stems compared as substrings, like the search). A
    search that ignores stop words passes a stemmer that does, so they are not marked."""
    terms = [t for t in stemmer(query) if len(t) >= 3]
    for source in sources:
        words = source.split()
        hits = [i for i, w in enumerate(words) if any(t in "".join(stems(w)) for t in terms)]
        if not hits:
            continue
        start = max(0, hits[0] - FRAGMENT_WORDS // 3)
        piece = words[start : start + FRAGMENT_WORDS]
        marked = [
            f"<mark>{html.escape(w)}</mark>" if start + i in hits else html.escape(w)
            for i, w in enumerate(piece)
        ]
        prefix = "… " if start > 0 else ""
        suffix = " …" if start + FRAGMENT_WORDS < len(words) else ""
        return prefix + " ".join(marked) + suffix
    return None
