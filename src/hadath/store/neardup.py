"""Near-duplicate articles (the same wire story on several sites): MinHash signatures over word
3-shingles of the normalised text (datasketch), and LSH bands kept in the store's `bands` table so
that candidates are found by an indexed lookup rather than an index held in memory: memory stays flat
however large the store, and the index survives restarts and crashes with the articles it belongs to.

Two articles are near-duplicates when their estimated Jaccard similarity is at least THRESHOLD; an
article joins the cluster of its most similar earlier article (ties: the lowest id), else starts its own.
"""

from __future__ import annotations

import hashlib
from functools import cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # fixed: stored signatures must stay comparable whatever datasketch's default becomes
THRESHOLD = 0.6
SHINGLE = 3
MIN_SHINGLES = 8  # shorter texts (a headline) are too short to call copies by similarity


def shingles(text: str) -> set[str]:
    """Word 3-shingles of the normalised text, punctuation dropped."""
    words = [t.text for t in tokenize(normalize(text)) if t.text[0].isalnum()]
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature of `text` as bytes (NUM_PERM uint64), None when the text is too short."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


@cache
def _permutations() -> object:
    """The hash permutations for NUM_PERM and SEED, drawn once per process rather than per article."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@cache
def band_layout() -> tuple[int, int]:
    """(bands, rows per band) that best separate THRESHOLD for NUM_PERM (datasketch's own optimiser)."""
    return _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)


def band_keys(sig: bytes) -> list[int]:
    """One 63-bit key per LSH band: a hash of the band's number and its values. Two articles share a
    key when they agree on a whole band, which is how LSH proposes candidates."""
    bands, rows = band_layout()
    values = np.frombuffer(sig, dtype=np.uint64)
    keys = []
    for band in range(bands):
        chunk = band.to_bytes(2, "big") + values[band * rows : (band + 1) * rows].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint64) == np.frombuffer(b, dtype=np.uint64)))
