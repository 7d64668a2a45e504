"""The same account told twice: near-duplicate testimonies found by MinHash over word shingles.

A testimony re-saved in another dress has the same text id (readers.Record.text_id) and counts once at
once. A testimony re-told with small changes (edited, re-typed, sent both by form and by chat) is a
near-duplicate: the estimated Jaccard similarity of its word 3-shingles with an earlier one is at least
SAME_ACCOUNT (datasketch's MinHash and LSH). Both stay in the graph, linked as one account
(``Testimony.account``: the id of the group's first testimony, ``account_similarity``), so that
corroboration counts the group once and an analyst can review the link.
"""
from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from ingest.readers import normal_text

PERMUTATIONS = 128
SCHEME = "affine32"   # datasketch's hashing scheme: 32-bit values, stored as they are on the Testimony node
SHINGLE_WORDS = 3
SAME_ACCOUNT = 0.9


def signature(text: str) -> MinHash:
    words = normal_text(text).lower().split()
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def stored(values: list[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME, hashvalues=np.array(values, dtype=np.uint32))


def accounts(known: list[tuple[str, str, list[int]]], fresh: list[tuple[str, MinHash]]) -> dict[str, tuple[str, float]]:
    """Fresh testimony id -> (account id, similarity) for those re-telling a known or an earlier fresh one.
    ``known``: (testimony id, its account, its stored signature); ``fresh`` in ingest order."""
    index = MinHashLSH(threshold=SAME_ACCOUNT, num_perm=PERMUTATIONS)
    signatures: dict[str, MinHash] = {}
    account_of: dict[str, str] = {}
    for testimony_id, account, values in known:
        if values and len(values) == PERMUTATIONS:
            signatures[testimony_id] = stored(values)
            account_of[testimony_id] = account or testimony_id
            index.insert(testimony_id, signatures[testimony_id])
    found = {}
    for testimony_id, minhash in fresh:
        if testimony_id in signatures:
            continue
        best = max(((signatures[c].jaccard(minhash), c) for c in index.query(minhash)), default=(0.0, None))
        if best[1] is not None and best[0] >= SAME_ACCOUNT:
            found[testimony_id] = (account_of[best[1]], round(best[0], 3))
            account_of[testimony_id] = account_of[best[1]]
        else:
            account_of[testimony_id] = testimony_id
        signatures[testimony_id] = minhash
        index.insert(testimony_id, minhash)
    return found
