"""Dutch word stems for search and similarity (Snowball), shared by every domain that searches."""

import re
import threading
from functools import lru_cache
from typing import Any

import snowballstemmer
import stopwordsiso

WORD = re.compile(r"\w+", re.UNICODE)
MIN_STEM = 3
# A Snowball stemmer keeps state while it works, so sharing one between the threads that
# serve requests mixes up words; every thread gets its own.
_local = threading.local()
_STOPWORDS = frozenset(stopwordsiso.stopwords("nl"))


def _stemmer() -> Any:
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("dutch")
    return _local.stemmer


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one lower-case word; cached, as the same words come back all the time."""
    return str(_stemmer().stemWord(word))


def stems(value: str) -> list[str]:
    return [s for s in (stem(w.casefold()) for w in WORD.findall(value)) if len(s) >= MIN_STEM]


def content_stems(value: str) -> list[str]:
    """Stems of the words that carry meaning: Dutch stop words ("hoe", "moet", "wij") left out,
    so two texts are not similar just because both are questions."""
    words = (w.casefold() for w in WORD.findall(value))
    found = (stem(w) for w in words if w not in _STOPWORDS and not w.isdigit())
    return [s for s in found if len(s) >= MIN_STEM]
