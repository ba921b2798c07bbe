"""What a change did to the events layer on ordinary news: the events that appeared,
disappeared or changed between a git revision and the current code, over the same
SaudiNewsNet articles, each with its context.  Judge every printed line (a removal of a
false event is good, of a true one bad; an addition right or wrong), not a new sample.

The revision is checked out into a temporary git worktree and run in a child process
with its own `src/` on PYTHONPATH (the current code runs in this process), so both
versions read the same articles with their own resources.

    python benchmarks/event_diff.py --rev main --start 30000 --stop 31000
    python benchmarks/event_diff.py --rev HEAD~1 --start 30000 --stop 30200 --context 120
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from corpus import REPO, load_articles


def run_events(start: int, stop: int, size: int) -> list[dict]:
    """Events of the code importable as `marsad`, as JSON-ready rows."""
    from marsad.model import Document
    from marsad.pipeline import build_pipeline

    articles, _ = load_articles(stop)
    pipeline = build_pipeline(["events"])
    rows = []
    for number in range(start, min(stop, len(articles))):
        article = articles[number]
        analysis = pipeline(Document(f"a{number}", article.title, article.text))
        for event in analysis.events:
            rows.append(
                {
                    "article": number,
                    "type": event.type,
                    "actor1": str(event.actor1) if event.actor1 else None,
                    "actor2": str(event.actor2) if event.actor2 else None,
                    "location": event.location,
                    "date": str(event.date) if event.date else None,
                    "cue": event.cue,
                    "start": event.start,
                    "end": event.end,
                    "context": context(analysis.text, event.start, event.end, size),
                    "evidence": [[span["start"], span["end"]] for span in event.evidence],
                }
            )
    return rows


def run_revision(rev: str, start: int, stop: int, size: int) -> list[dict]:
    """Events of git revision `rev`, from a temporary worktree in a child process."""
    with tempfile.TemporaryDirectory(prefix="marsad-diff-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
        try:
            env = dict(os.environ, PYTHONPATH=str(tree / "src"), MARSAD_DIFF_CHILD="1")
            script = Path(__file__).resolve()
            done = subprocess.run(
                [sys.executable, str(script), "--child", "--start", str(start), "--stop", str(stop), "--context", str(size)],
                env=env, check=True, capture_output=True, text=True, cwd=str(tree),
            )
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False)
    return json.loads(done.stdout)


def pair_up(before: list[dict], after: list[dict]) -> tuple[list[dict], list[dict], list[tuple[dict, dict]]]:
    """(removed, added, kept pairs): an event of one version is the same happening as one
    of the other when they share an evidence span in the same article, of the same type
    if there is one (two events told in one sentence share its span)."""
    kept: list[tuple[dict, dict]] = []
    free_before, free_after = list(range(len(before))), set(range(len(after)))
    for same_type in (True, False):
        spans: dict[tuple, list[int]] = {}
        for number in sorted(free_after):
            row = after[number]
            for start, end in row["evidence"]:
                spans.setdefault((row["article"], start, end, row["type"] if same_type else None), []).append(number)
        still_free = []
        for number in free_before:
            row = before[number]
            keys = [(row["article"], start, end, row["type"] if same_type else None) for start, end in row["evidence"]]
            partner = next((other for key in keys for other in spans.get(key, ()) if other in free_after), None)
            if partner is None:
                still_free.append(number)
            else:
                free_after.discard(partner)
                kept.append((row, after[partner]))
        free_before = still_free
    return [before[n] for n in free_before], [after[n] for n in sorted(free_after)], kept


def describe(row: dict) -> str:
    actors = " / ".join(a for a in (row["actor1"], row["actor2"]) if a) or "-"
    return f"{row['type']} | {actors} | {row['location'] or '-'} | {row['date'] or '-'} | «{row['cue']}»"


def context(text: str, start: int, end: int, size: int) -> str:
    return f"…{text[max(0, start - size) : start]}[[{text[start:end]}]]{text[end : end + size]}…".replace("\n", " ")


FIELDS = ("type", "actor1", "actor2", "location", "date")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", default="main", help="git revision to compare against (default: main)")
    parser.add_argument("--start", type=int, default=30000)
    parser.add_argument("--stop", type=int, default=31000)
    parser.add_argument("--context", type=int, default=80, help="characters around the evidence span")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(run_events(args.start, args.stop, args.context), sys.stdout, ensure_ascii=False)
        return
    sys.path.insert(0, str(REPO / "src"))
    before = run_revision(args.rev, args.start, args.stop, args.context)
    after = run_events(args.start, args.stop, args.context)
    _, origin = load_articles(args.stop)
    removed, added, kept = pair_up(before, after)
    changed = [(old, new) for old, new in kept if any(old[f] != new[f] for f in FIELDS)]
    print(f"corpus: {origin}; articles {args.start}-{args.stop}; {args.rev}: {len(before)} events, current: {len(after)}")
    print(f"removed {len(removed)}, added {len(added)}, changed {len(changed)}")
    lines: dict[int, list[str]] = defaultdict(list)
    for row in removed:
        lines[row["article"]].append(f"  - {describe(row)}\n      {row['context']}")
    for row in added:
        lines[row["article"]].append(f"  + {describe(row)}\n      {row['context']}")
    for old, new in changed:
        lines[new["article"]].append(f"  ~ {describe(old)}\n    -> {describe(new)}\n      {new['context']}")
    for number in sorted(lines):
        print(f"[{number}]")
        print("\n".join(lines[number]))


if __name__ == "__main__":
    main()
