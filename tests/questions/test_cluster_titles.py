"""Clusters of questions are titled with words a reader knows, not with stems."""

import pytest

from api.core.text_clusters import leader_clusters

pytestmark = pytest.mark.engine_neutral


def test_a_cluster_is_titled_with_the_members_most_frequent_word_forms() -> None:
    texts = [
        "Moet de verordening aangepast worden voor de nieuwe software?",
        "Welke verordeningen en welke software moeten we aanpassen?",
        "Onze software kan de verordening nog niet aan",
        "Hoe lang duurt de bezwaarprocedure bij een boete?",
    ]
    [cluster] = leader_clusters(texts)
    assert cluster.members == [0, 1, 2]
    assert {"softwar", "verorden"} <= set(cluster.keywords)
    by_stem = dict(zip(cluster.keywords, cluster.words, strict=True))
    # "verordening" twice beats "verordeningen" once; "software" is its own stem's only form.
    assert by_stem["verorden"] == "verordening"
    assert by_stem["softwar"] == "software"
    assert not {"softwar", "verorden"} & set(cluster.words)
