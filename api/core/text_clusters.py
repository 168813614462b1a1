"""Groups of similar short texts (questions, blockers), by the overlap of their meaningful
stems: leader clustering over Jaccard similarity, with the stems that many texts share left
out, since they say nothing about what sets a text apart."""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from api.core.stemming import WORD, content_stems, stem

SIMILARITY = 0.3
# Stems in more than this share of the texts (and in more than COMMON_FLOOR of them) are common.
COMMON_SHARE = 0.2
COMMON_FLOOR = 5
KEYWORDS = 5


@dataclass(frozen=True)
class TextCluster:
    members: list[int]
    """Positions in the texts given, in their order; the first is the leader."""
    keywords: list[str]
    """The stems most members share, most shared first (a lone text's own stems)."""
    words: list[str]
    """The same keywords as words a reader knows: per stem the form the members use most
    ("verordening" for "verorden"), to title the cluster with."""


def leader_clusters(texts: Sequence[str], *, min_size: int = 2) -> list[TextCluster]:
    """Clusters of at least `min_size` texts, largest first (then by leader).

    A text joins the most similar earlier leader, or leads a cluster of its own. Comparing with
    the leader only (not with any member) keeps chains of slightly similar texts from growing
    into one cluster of everything; leaders are found through shared rarer stems, so the work
    grows with the overlap, not quadratically. Between leaders equally similar, the earliest
    wins, so the same texts in the same order always give the same clusters; a cluster's leader
    is its earliest text, so a caller that keeps texts in the order they came keeps each
    cluster's leader as the cluster grows."""
    stem_sets = [set(content_stems(text)) for text in texts]
    frequency: Counter[str] = Counter(s for stems in stem_sets for s in stems)
    common = max(COMMON_FLOOR, int(COMMON_SHARE * len(texts)))
    telling = [{s for s in stems if frequency[s] <= common} for stems in stem_sets]
    leaders: dict[str, list[int]] = defaultdict(list)
    members: dict[int, list[int]] = defaultdict(list)
    for i, stems in enumerate(telling):
        shared: Counter[int] = Counter(j for s in stems for j in leaders[s])
        best, best_score = None, SIMILARITY
        for j, overlap in sorted(shared.items()):
            score = overlap / len(stems | telling[j])
            if score > best_score or (score == best_score and best is None):
                best, best_score = j, score
        if best is None:
            members[i].append(i)
            for s in stems:
                leaders[s].append(i)
        else:
            members[best].append(i)
    found = sorted(
        (m for m in members.values() if len(m) >= min_size), key=lambda m: (-len(m), m[0])
    )
    clusters = []
    for indices in found:
        keywords = _keywords(indices, telling)
        clusters.append(
            TextCluster(indices, keywords, _words(keywords, [texts[i] for i in indices]))
        )
    return clusters


def _keywords(indices: list[int], telling: list[set[str]]) -> list[str]:
    words = Counter(s for i in indices for s in telling[i])
    # In a cluster, only what members share; a lone text has only its own words.
    floor = 1 if len(indices) > 1 else 0
    ranked = sorted(words.items(), key=lambda item: (-item[1], item[0]))
    return [w for w, n in ranked[:KEYWORDS] if n > floor]


def _words(keywords: list[str], texts: Sequence[str]) -> list[str]:
    """Each stem's most frequent word form in these texts; between forms as frequent, the
    shortest (the singular, mostly), then the first alphabetically."""
    forms: dict[str, Counter[str]] = {k: Counter() for k in keywords}
    for text in texts:
        for word in WORD.findall(text):
            folded = word.casefold()
            found = forms.get(stem(folded))
            if found is not None:
                found[folded] += 1
    return [
        min(forms[k].items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        if forms[k]
        else k
        for k in keywords
    ]
