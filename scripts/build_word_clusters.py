"""Build word clusters for the CRF (`marsad train ner --clusters FILE`) from unlabelled text.

    python scripts/build_word_clusters.py ../shared/data/external/saudinewsnet/*.zip \
        --conll ../shared/data/external/anercorp/ANERCorp.txt:1-125278 --out clusters.tsv

Inputs: .txt files, .jsonl files (a "text" or "content" field per line), .json/.zip
files holding JSON arrays of such objects (SaudiNewsNet), and with `--conll` the tokens
of CoNLL files or line ranges (their tags are ignored; never give a test split).  Every
word is normalised (marsad.text.normalize), so the table is looked up the way the
features look up tokens.

Methods (`--method`), each giving one cluster id per granularity of `--clusters`
(coarse to fine; several granularities help a CRF as Brown-path prefixes do):

* `word2vec` (default; `pip install gensim`): skip-gram vectors (`--dimensions`,
  `--window`, `--epochs`) of the `--vocabulary` most frequent words, then spherical
  k-means at each granularity.
* `ppmi` (`pip install scikit-learn`): each word is described by counts of the words
  right before and after it (among the `--context` most frequent), weighted by positive
  PMI and reduced by TruncatedSVD; spherical k-means at each granularity.

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

from marsad.extract.ner.clusters import FIRST_COLUMN, LAST_COLUMN
from marsad.extract.ner.conll import read_conll
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


def word_sequences(paths: list[Path], conll: list[str] = ()) -> Iterator[list[str]]:
    for text in texts(paths):
        for line in text.splitlines():
            words = [sys.intern(normalize(token.text)) for token in tokenize(line)]
            if words:
                yield words
    for spec in conll:
        for sentence in read_conll(spec).sentences:
            yield [sys.intern(normalize(token)) for token in sentence.tokens]


def build(paths: list[Path], conll: list[str], args):
    import numpy as np

    started = time.perf_counter()
    sequences = list(word_sequences(paths, conll))
    counts: Counter[str] = Counter(word for words in sequences for word in words)
    print(f"{sum(counts.values()):,} tokens, {len(counts):,} distinct words read in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    vocab, vectors = (_word2vec if args.method == "word2vec" else _ppmi_vectors)(sequences, counts, args)
    del sequences
    vectors = vectors.astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    levels = [spherical_kmeans(vectors, k, args.seed) for k in args.ks]
    print(f"{len(vocab):,} words clustered in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for index, word in enumerate(vocab):
        yield word, [int(level[index]) for level in levels], counts[word]


def _word2vec(sequences, counts, args):
    from gensim.models import Word2Vec

    model = Word2Vec(
        sequences, vector_size=args.dimensions, window=args.window, min_count=args.min_count, sg=1,
        negative=10, workers=args.workers, epochs=args.epochs, seed=args.seed,
    )
    vocab = [word for word in model.wv.index_to_key[: args.vocabulary]]
    return vocab, model.wv[vocab]


def _ppmi_vectors(sequences, counts, args):
    import numpy as np
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    vocab = [word for word, count in counts.most_common(args.vocabulary) if count >= args.min_count]
    row = {word: index for index, word in enumerate(vocab)}
    contexts = [word for word, _ in counts.most_common(args.context)] + [BOUNDARY, RARE]
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
    keys = np.array(list(pairs.keys()), dtype=np.int64)
    values = np.array(list(pairs.values()), dtype=np.float64)
    matrix = sparse.csr_matrix((values, (keys[:, 0], keys[:, 1])), shape=(len(vocab), 2 * width))
    return vocab, TruncatedSVD(args.dimensions, random_state=args.seed).fit_transform(_ppmi(matrix))


def spherical_kmeans(vectors, k: int, seed: int, iterations: int = 15):
    """Cluster ids of unit `vectors` by k-means on cosine similarity (k capped at the rows)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    k = min(k, len(vectors))
    centroids = vectors[rng.choice(len(vectors), k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        for first in range(0, len(vectors), 20_000):
            labels[first : first + 20_000] = (vectors[first : first + 20_000] @ centroids.T).argmax(axis=1)
        centroids = np.zeros_like(centroids)
        np.add.at(centroids, labels, vectors)
        norms = np.linalg.norm(centroids, axis=1)
        empty = norms < 1e-9
        centroids[empty] = vectors[rng.choice(len(vectors), int(empty.sum()), replace=False)]
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
    return labels


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
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--conll", action="append", default=[], metavar="FILE[:START-END]", help="tokens of a CoNLL file (tags ignored)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--method", choices=("word2vec", "ppmi"), default="word2vec")
    parser.add_argument("--vocabulary", type=int, default=100_000, help="most frequent words to cluster")
    parser.add_argument("--context", type=int, default=5_000, help="ppmi: most frequent words used as contexts")
    parser.add_argument("--dimensions", type=int, default=100)
    parser.add_argument("--window", type=int, default=3, help="word2vec: context window")
    parser.add_argument("--epochs", type=int, default=5, help="word2vec: passes over the text")
    parser.add_argument("--workers", type=int, default=2, help="word2vec: threads")
    parser.add_argument("--clusters", default="64,256,1024,4096", help="cluster counts, coarse to fine")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    args.ks = tuple(int(part) for part in args.clusters.split(","))
    if not args.inputs and not args.conll:
        parser.error("give text inputs and/or --conll files")
    rows = list(build(args.inputs, args.conll, args))
    names = [f"k{k}" for k in args.ks]
    with args.out.open("w", encoding="utf-8") as handle:
        handle.write(
            f"# Word clusters for marsad's CRF features, built by scripts/build_word_clusters.py --method {args.method} "
            f"from {len(args.inputs)} input(s) and {len(args.conll)} CoNLL source(s).\n"
        )
        handle.write("# columns: word (normalised), one cluster id per granularity (k<clusters>, coarse to fine), count (occurrences)\n")
        handle.write("\t".join((FIRST_COLUMN, *names, LAST_COLUMN)) + "\n")
        for word, ids, count in rows:
            if "\t" not in word and word.strip():
                handle.write("\t".join((word, *map(str, ids), str(count))) + "\n")
    print(f"wrote {len(rows):,} words to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
