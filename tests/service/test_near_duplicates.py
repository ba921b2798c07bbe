"""Near-duplicates: reposts and light edits join the first copy's cluster; other articles do not."""

from __future__ import annotations

from store_articles import ALEPPO, AID, BAGHOUZ, BAGHOUZ_REPOST
from marsad.service.keys import text_terms
from marsad.service.neardup import NearDuplicates
from marsad.store import Neighbour

NEAR = NearDuplicates()


def fingerprint(text):
    return NEAR.fingerprint([keys[0] for keys in text_terms(text)])


def test_a_light_edit_is_similar_and_a_different_article_is_not():
    original = fingerprint(BAGHOUZ.text)
    assert NEAR.similarity(original.signature, fingerprint(BAGHOUZ_REPOST.text).signature) >= NEAR.threshold
    assert NEAR.similarity(original.signature, fingerprint(ALEPPO.text).signature) < 0.2
    assert NEAR.similarity(original.signature, fingerprint(AID.text).signature) < 0.2


def test_spelling_variants_do_not_hide_a_copy():
    retyped = BAGHOUZ.text.replace("أعلنت", "اعلنت").replace("الكاملة", "الكامله").replace("إن", "ان")
    assert fingerprint(retyped).signature == fingerprint(BAGHOUZ.text).signature


def test_a_copy_shares_an_lsh_band_and_is_assigned_the_first_cluster():
    original, repost = fingerprint(BAGHOUZ.text), fingerprint(BAGHOUZ_REPOST.text)
    assert set(original.bands) & set(repost.bands)
    neighbours = [Neighbour(pk=1, cluster=1, signature=original.signature), Neighbour(2, 2, fingerprint(ALEPPO.text).signature)]
    assert NEAR.best_cluster(repost.signature, neighbours) == 1
    assert NEAR.best_cluster(fingerprint(AID.text).signature, neighbours) is None


def test_short_texts_get_no_fingerprint():
    assert fingerprint("عاجل: انفجار في بغداد") is None
