"""Near-duplicate detection: MinHash signatures (datasketch) over normalised word
shingles, and LSH bands stored next to the documents.

Re-posted and lightly edited copies of one article are common (agencies, reposts,
channel forwards).  Every document gets a MinHash of its 3-word shingles; the
signature is cut into LSH bands (datasketch's optimal split for the threshold) and
each band's hash is stored in the corpus with the document, in the same
transaction.  A new document's neighbours are the stored documents sharing a band;
the one whose estimated Jaccard similarity passes the threshold gives its cluster.
The LSH state therefore lives in the store: it survives across runs and crashes,
and memory stays flat however large the corpus grows.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..store import Neighbour

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"
SHINGLE = 3
THRESHOLD = 0.7
# Fewer shingles than this and a MinHash says little: such texts cluster by exact content only.
MIN_SHINGLES = 8


_WORD_HASHES: dict[str, int] = {}
_MAX_CACHED_WORDS = 1_000_000


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) >= _MAX_CACHED_WORDS:
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return value


def shingle_hashes(words: Sequence[str]) -> np.ndarray:
    """A 32-bit hash of every run of SHINGLE consecutive words (a repeated run hashes the same).

    Words are hashed once (CRC-32, cached) and combined per shingle with numpy: far
    cheaper than hashing every shingle string, and stable across runs and machines.
    """
    try:  # the common case, every word seen before: one C-level pass over the cache
        values = list(map(_WORD_HASHES.__getitem__, words))
    except KeyError:
        values = [_word_hash(word) for word in words]
    hashes = np.array(values, dtype=np.uint32)
    count = len(words) - SHINGLE + 1
    combined = hashes[:count].copy()
    for offset in range(1, SHINGLE):  # combined = combined * _MIX + next word's hash, modulo 2**32
        combined *= _MIX
        combined += hashes[offset : offset + count]
    return combined


_MIX = np.uint32(0x01000193)  # the FNV-1 32-bit prime
# MurmurHash3's 32-bit finalizer (shifts and multipliers), which datasketch's "affine32"
# scheme applies to every input hash before its permutations.
_FMIX32 = tuple(np.uint32(value) for value in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))


def minhash_values(hashes: np.ndarray, permutations: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """datasketch's MinHash (scheme "affine32") of 32-bit input hashes, computed in one
    numpy pass: the same values as `MinHash(..., hashfunc=int).update_batch(hashes)`
    (tests hold the two equal) without a Python call per shingle."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32)
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = permutations
    permuted = a[:, None] * hv  # one row per permutation; uint32 arithmetic wraps, as the scheme intends
    permuted += b[:, None]
    return permuted.min(axis=1)


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes
    bands: list[int]


class NearDuplicates:
    """Computes fingerprints and decides which stored cluster a new document joins."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands_count, self.rows = lsh.b, lsh.r

    @cached_property
    def _permutations(self):
        return MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME).permutations

    def fingerprint(self, words: Sequence[str]) -> Fingerprint | None:
        """MinHash and LSH bands of the word shingles, or None for a text too short to tell."""
        if len(words) - SHINGLE + 1 < MIN_SHINGLES:
            return None
        values = minhash_values(shingle_hashes(words), self._permutations).astype("<u4", copy=False)
        return Fingerprint(values.tobytes(), self._bands(values))

    def _bands(self, values: np.ndarray) -> list[int]:
        bands = []
        for band in range(self.bands_count):
            chunk = values[band * self.rows : (band + 1) * self.rows].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8, person=b"marsad-lsh" + bytes([band])).digest()
            bands.append(int.from_bytes(digest, "little", signed=True))
        return bands

    def similarity(self, first: bytes, second: bytes) -> float:
        """Estimated Jaccard similarity of two stored signatures."""
        a = np.frombuffer(first, dtype="<u4")
        b = np.frombuffer(second, dtype="<u4")
        if a.shape != b.shape:
            return 0.0
        return float(np.count_nonzero(a == b)) / len(a)

    def best_cluster(self, signature: bytes, neighbours: Sequence[Neighbour]) -> int | None:
        """The cluster of the most similar neighbour at or above the threshold (earliest on ties)."""
        best: tuple[float, int] | None = None
        for neighbour in neighbours:
            score = self.similarity(signature, neighbour.signature)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, neighbour.cluster)
        return best[1] if best else None
