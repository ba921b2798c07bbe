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


def test_fast_minhash_equals_datasketch():
    """The numpy MinHash must give datasketch's values: signatures stored by earlier runs stay comparable."""
    import numpy as np
    from datasketch import MinHash

    from marsad.service.neardup import SCHEME, SEED, minhash_values, shingle_hashes

    words = [keys[0] for keys in text_terms(BAGHOUZ.text)]
    hashes = shingle_hashes(words)
    reference = MinHash(num_perm=NEAR.num_perm, seed=SEED, hashfunc=int, permutations=NEAR._permutations, scheme=SCHEME)
    reference.update_batch(hashes.tolist())
    assert minhash_values(hashes, NEAR._permutations).tolist() == reference.hashvalues.tolist()
    assert np.frombuffer(fingerprint(BAGHOUZ.text).signature, dtype="<u4").tolist() == reference.hashvalues.tolist()


def test_shingle_hashes_are_stable():
    """Each 3-word shingle hashes to ((crc(w1) * P + crc(w2)) * P + crc(w3)) mod 2**32, as stored corpora expect."""
    import zlib

    from marsad.service.neardup import shingle_hashes

    words = [keys[0] for keys in text_terms(BAGHOUZ.text)]
    crc = [zlib.crc32(word.encode("utf-8")) for word in words]
    prime, mask = 0x01000193, 0xFFFFFFFF
    expected = [((crc[i] * prime + crc[i + 1]) * prime + crc[i + 2]) & mask for i in range(len(words) - 2)]
    assert shingle_hashes(words).tolist() == expected
