"""benchmarks/ner_eval.py: mapping character entities back to tokens, the gold-set
scorer on hand-made cases, and (slow, needs ../shared) a small real-data run."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO, external
from marsad.model import DateMention, Entity, Quote
from marsad.extract.scoring import OVERALL

sys.path.insert(0, str(REPO / "benchmarks"))
import ner_eval  # noqa: E402


def test_detokenised_offsets_slice_every_token():
    sentences = [["قال", "أحمد", "العلي", "."], ["وصل", "إلى", "بغداد"]]
    joined = ner_eval.detokenise(sentences)
    assert joined.text == "قال أحمد العلي .\nوصل إلى بغداد"
    for tokens, offsets in zip(sentences, joined.offsets):
        assert [joined.text[s:e] for s, e in offsets] == tokens


def test_character_entities_tag_the_tokens_they_overlap():
    sentences = [["قال", "أحمد", "العلي", "."], ["وصل", "إلى", "وبغداد"]]
    joined = ner_eval.detokenise(sentences)
    text = joined.text
    person = text.index("أحمد")
    city = text.index("بغداد")  # inside the token «وبغداد»: the whole token is tagged
    entities = [
        (person, person + len("أحمد العلي"), "PER"),
        (person, person + 4, "LOC"),  # overlaps a token already tagged: ignored
        (city, city + 5, "LOC"),
        (0, 3, "DATE"),  # not an NER type
    ]
    assert ner_eval.tags_for_entities(joined, entities) == [["O", "B-PER", "I-PER", "O"], ["O", "O", "B-LOC"]]


@dataclass
class FakeGold:
    stem: str
    text: str
    entities: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    quotes: list = field(default_factory=list)


@dataclass
class FakeAnalysis:
    entities: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    quotes: list = field(default_factory=list)


def span(text: str, needle: str, **extra) -> dict:
    start = text.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle), **extra}


def entity(text: str, needle: str, entity_type: str, canonical=None) -> Entity:
    start = text.index(needle)
    return Entity(start, start + len(needle), needle, entity_type, canonical)


def test_gold_scores_strict_lenient_coref_dates_and_quotes():
    text = "أعلن التنظيم أن قسد دخلت للباغوز أمس، وقال المتحدث «لن نستسلم» ثم هاجم التنظيم"
    gold = FakeGold(
        "g",
        text,
        entities=[
            span(text, "التنظيم", type="ORG", canonical="Islamic State"),
            span(text, "قسد", type="ORG", canonical="Syrian Democratic Forces"),
            span(text, "لباغوز", type="LOC", canonical="Baghouz"),
            {**span(text, "المتحدث", type="PER"), "coref": True},
        ],
        dates=[span(text, "أمس", value="2019-03-20")],
        quotes=[span(text, "لن نستسلم", speaker="أبو حسن المهاجر")],
    )
    baghouz = text.index("باغوز")
    predicted = FakeAnalysis(
        entities=[
            entity(text, "التنظيم", "ORG", "Islamic State"),
            entity(text, "قسد", "ORG", "Syrian Democratic Forces"),
            Entity(baghouz, baghouz + 5, "باغوز", "LOC", "Baghouz"),  # differs only by the proclitic
            entity(text, "المتحدث", "PER"),  # a coref mention: neither right nor wrong for NER
            Entity(len(text) - 7, len(text), "التنظيم", "ORG", "Al-Qaeda"),  # unannotated: a false positive
            entity(text, "أمس", "MISC"),  # the gold set annotates no MISC: not scored
        ],
        dates=[DateMention(gold.dates[0]["start"], gold.dates[0]["end"], "أمس", "2019-03-21", "day")],
        quotes=[Quote(gold.quotes[0]["start"], gold.quotes[0]["end"], "لن نستسلم", "أبو حسن المهاجر", "قال")],
    )
    scores = ner_eval.gold_scores([gold], [predicted])
    strict = scores["entities (strict)"][OVERALL]
    assert (strict.true_positives, strict.false_positives, strict.false_negatives) == (2, 2, 1)
    lenient = scores["entities (lenient)"][OVERALL]
    assert (lenient.true_positives, lenient.false_positives, lenient.false_negatives) == (3, 1, 0)
    assert scores["entities + canonical (lenient)"][OVERALL].true_positives == 3
    assert scores["entities (lenient)"]["LOC"].f1 == 1.0
    assert scores["dates (span)"][OVERALL].f1 == 1.0
    assert scores["dates (span + value)"][OVERALL].f1 == 0.0  # wrong day
    assert scores["quotes (span + speaker)"][OVERALL].f1 == 1.0
    with_coref = ner_eval.gold_scores([gold], [predicted], include_coref=True)["entities (strict)"][OVERALL]
    assert (with_coref.true_positives, with_coref.false_negatives) == (3, 1)


@pytest.mark.slow
def test_a_crf_trained_on_part_of_anercorp_beats_chance_on_a_later_part(tmp_path):
    path = external("anercorp", "ANERCorp.txt")
    ner_eval.main([
        "conll", f"{path}:30001-36000", "--train-files", f"{path}:1-20000",
        "--train", str(tmp_path / "m"), "--c1", "0.1", "--c2", "0.05", "--max-iterations", "40",
    ])
    from marsad.extract.ner.conll import read_conll

    test = read_conll(f"{path}:30001-36000").sentences
    scores = ner_eval.evaluate("slice", test, {"crf": lambda s: ner_eval.crf_tags(s, tmp_path / "m")})
    # a small model (20,000 tokens, 40 iterations) is precise but misses much
    assert scores["crf"][OVERALL].precision > 0.6
    assert scores["crf"][OVERALL].f1 > 0.35


def test_a_two_pass_model_is_scored_with_its_first_pass_alone_and_with_both(tmp_path):
    from types import SimpleNamespace

    from marsad.extract.ner.conll import read_conll
    from marsad.extract.ner.crf import CrfTagger
    from marsad.extract.ner.features import default_featuriser
    from marsad.extract.ner.model_dir import FIRST_PASS_FILE
    from marsad.extract.ner.training import TrainingPlan, TrainingResult, train_model

    tiny = REPO / "tests" / "extract" / "data" / "tiny_ner.conll"
    out = tmp_path / "two_pass"
    out.mkdir()
    original = TrainingResult.two_passes  # keep the second pass whatever the tiny dev says
    TrainingResult.two_passes = property(lambda self: self.second_pass is not None)
    try:
        train_model(TrainingPlan([read_conll(tiny)], c1=(0.01,), c2=(0.01,), max_iterations=60, stack_folds=3), out, default_featuriser())
    finally:
        TrainingResult.two_passes = original
    args = SimpleNamespace(rules=False, model=str(out), train=None)
    systems = ner_eval.systems_for(args, [])
    assert list(systems) == ["crf 1 pass (two_pass)", "crf 2 passes (two_pass)"]
    sentences = read_conll(tiny).sentences
    first = CrfTagger(out / FIRST_PASS_FILE, default_featuriser())
    assert systems["crf 1 pass (two_pass)"](sentences) == [first.tag(s.tokens) for s in sentences]
    assert len(systems["crf 2 passes (two_pass)"](sentences)) == len(sentences)


def test_the_gold_command_scores_the_default_pipeline_on_our_gold_set(capsys):
    ner_eval.main(["gold"])
    printed = capsys.readouterr().out
    strict = next(line for line in printed.splitlines() if "entities (strict)" in line and "overall" in line)
    f1 = float(strict.split("│")[5])
    assert f1 >= 0.85, strict  # the rules alone on tests/gold/ (0.93 when written)
