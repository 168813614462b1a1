"""A short fragment of text around the first search hit, hits wrapped in <mark> and the rest
HTML-escaped, so a client may render it as markup safely."""

import html

from api.core.stemming import stems

FRAGMENT_WORDS = 24


def fragment(sources: list[str], query: str) -> str | None:
    """From the first source with a hit (stems compared as substrings, like the search)."""
    terms = [t for t in stems(query) if len(t) >= 3]
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
