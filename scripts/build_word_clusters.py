"""Build word clusters for the CRF (`marsad train ner --clusters FILE`) from unlabelled text.

    python scripts/build_word_clusters.py ../shared/data/external/saudinewsnet/*.zip --out clusters.tsv

Inputs: .txt files, .jsonl files (a "text" or "content" field per line), and .json/.zip
files holding JSON arrays of such objects (SaudiNewsNet).  Every word is normalised
(marsad.text.normalize), so the table is looked up the way the features look up tokens.

Method (distributional clustering, a cheap stand-in for Brown clusters):
each of the `--vocabulary` most frequent words is described by counts of the words
right before and after it (among the `--context` most frequent), weighted by positive
PMI; TruncatedSVD reduces that to `--dimensions`; k-means gives the fine clusters, and
k-means over the fine centroids the middle and coarse ones (so words of one fine
cluster always share their middle and coarse ids).  Needs numpy and scikit-learn (`pip install scikit-learn`).

The table is a statistical summary of the texts (words and cluster ids, no sentences).
Keep it with the models trained from it; if the texts' licence forbids redistribution
(SaudiNewsNet: research only), do not ship the table in a product.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from marsad.extract.ner.clusters import COLUMNS
from marsad.text import normalize, tokenize

BOUNDARY = "<s>"
RARE = "<rare>"


def texts(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in sorted(archive.namelist()):
                    yield from _records(json.loads(archive.read(name)))
        elif path.suffix == ".json":
            yield from _records(json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield from _records([json.loads(line)])
        else:
            yield path.read_text(encoding="utf-8", errors="replace")


def _records(records) -> Iterator[str]:
    for record in records if isinstance(records, list) else [records]:
        if isinstance(record, dict):
            text = record.get("text") or record.get("content") or ""
            title = record.get("title") or ""
            if title or text:
                yield f"{title}\n{text}"


def word_sequences(paths: list[Path]) -> Iterator[list[str]]:
    for text in texts(paths):
        for line in text.splitlines():
            words = [sys.intern(normalize(token.text)) for token in tokenize(line)]
            if words:
                yield words


def build(paths: list[Path], vocabulary: int, context: int, dimensions: int, ks: tuple[int, int, int], min_count: int, seed: int):
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize as l2_normalise

    started = time.perf_counter()
    counts: Counter[str] = Counter()
    sequences = []
    for words in word_sequences(paths):
        counts.update(words)
        sequences.append(words)
    total = sum(counts.values())
    print(f"{total:,} tokens, {len(counts):,} distinct words read in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    vocab = [word for word, count in counts.most_common(vocabulary) if count >= min_count]
    row = {word: index for index, word in enumerate(vocab)}
    contexts = [word for word, _ in counts.most_common(context)] + [BOUNDARY, RARE]
    column = {word: index for index, word in enumerate(contexts)}
    width = len(contexts)
    pairs: Counter[tuple[int, int]] = Counter()
    for words in sequences:
        padded = [BOUNDARY, *words, BOUNDARY]
        for position in range(1, len(padded) - 1):
            index = row.get(padded[position])
            if index is None:
                continue
            left = column.get(padded[position - 1], column[RARE])
            right = column.get(padded[position + 1], column[RARE])
            pairs[(index, left)] += 1
            pairs[(index, width + right)] += 1
    del sequences
    keys = np.array(list(pairs.keys()), dtype=np.int64)
    values = np.array(list(pairs.values()), dtype=np.float64)
    matrix = sparse.csr_matrix((values, (keys[:, 0], keys[:, 1])), shape=(len(vocab), 2 * width))
    matrix = _ppmi(matrix)
    vectors = TruncatedSVD(dimensions, random_state=seed).fit_transform(matrix)
    vectors = l2_normalise(vectors)
    coarse_k, middle_k, fine_k = ks
    fine = MiniBatchKMeans(fine_k, random_state=seed, n_init=3, batch_size=4096).fit(vectors)
    centroids = l2_normalise(fine.cluster_centers_)
    middle_of_fine = KMeans(middle_k, random_state=seed, n_init=3).fit_predict(centroids)
    coarse_of_fine = KMeans(coarse_k, random_state=seed, n_init=3).fit_predict(centroids)
    print(f"{len(vocab):,} words clustered in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for word, label in zip(vocab, fine.labels_):
        yield word, int(coarse_of_fine[label]), int(middle_of_fine[label]), int(label), counts[word]


def _ppmi(matrix):
    import numpy as np
    from scipy import sparse

    matrix = matrix.tocoo()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    column_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context smoothing
    column_sums *= total / column_sums.sum()
    pmi = np.log(matrix.data * total / (row_sums[matrix.row] * column_sums[matrix.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (matrix.row[keep], matrix.col[keep])), shape=matrix.shape)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--vocabulary", type=int, default=100_000, help="most frequent words to cluster")
    parser.add_argument("--context", type=int, default=5_000, help="most frequent words used as contexts")
    parser.add_argument("--dimensions", type=int, default=100)
    parser.add_argument("--clusters", default="32,256,1024", help="coarse,middle,fine cluster counts")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    ks = tuple(int(part) for part in args.clusters.split(","))
    if len(ks) != 3:
        parser.error("--clusters takes three numbers: coarse,middle,fine")
    rows = list(build(args.inputs, args.vocabulary, args.context, args.dimensions, ks, args.min_count, args.seed))
    with args.out.open("w", encoding="utf-8") as handle:
        handle.write(f"# Word clusters for marsad's CRF features, built by scripts/build_word_clusters.py from {len(args.inputs)} input(s).\n")
        handle.write("# columns: word (normalised), coarse, middle, fine (cluster ids; coarse and middle group the fine clusters), count (occurrences)\n")
        handle.write("\t".join(COLUMNS) + "\n")
        for word, coarse, middle, fine, count in rows:
            if "\t" not in word and word.strip():
                handle.write(f"{word}\t{coarse}\t{middle}\t{fine}\t{count}\n")
    print(f"wrote {len(rows):,} words to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
