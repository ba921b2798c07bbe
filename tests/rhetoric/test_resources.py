"""Every rhetoric resource loads, uses known labels, and bad lines are coded errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.rhetoric import EmotionScorer, FrameFinder, TechniqueFinder
from marsad.rhetoric.lexicon import load_cues
from marsad.rhetoric.resources import RESOURCES, taxonomy

ARAIEVAL_TECHNIQUES = {
    "Appeal_to_Authority", "Appeal_to_Fear-Prejudice", "Appeal_to_Hypocrisy", "Appeal_to_Popularity",
    "Appeal_to_Time", "Appeal_to_Values", "Causal_Oversimplification", "Consequential_Oversimplification",
    "Conversation_Killer", "Doubt", "Exaggeration-Minimisation", "False_Dilemma-No_Choice", "Flag_Waving",
    "Guilt_by_Association", "Loaded_Language", "Name_Calling-Labeling", "Obfuscation-Vagueness-Confusion",
    "Questioning_the_Reputation", "Red_Herring", "Repetition", "Slogans", "Straw_Man", "Whataboutism",
}


def test_taxonomy_is_the_araieval_set_the_emotion_set_and_the_frames():
    labels = taxonomy()
    assert set(labels["technique"]) == ARAIEVAL_TECHNIQUES
    assert set(labels["emotion"]) == {"anger", "fear", "joy", "love", "sadness", "surprise", "sympathy", "none"}
    assert len(labels["frame"]) == 8


def test_every_lexicon_loads():
    assert TechniqueFinder().cues.size > 200
    assert EmotionScorer().cues.size > 100
    assert FrameFinder().cues.size > 60


def copy_resources(tmp_path: Path) -> Path:
    target = tmp_path / "rhetoric"
    shutil.copytree(RESOURCES, target)
    return target


def test_an_unknown_label_names_the_file_line_and_choices(tmp_path):
    directory = copy_resources(tmp_path)
    with (directory / "frames.tsv").open("a", encoding="utf-8") as handle:
        handle.write("heroism\tأبطال\t0.5\n")
    with pytest.raises(MarsadError) as caught:
        load_cues("frames.tsv", "frame", directory)
    assert caught.value.code == "M201" and "frames.tsv" in str(caught.value) and "victimhood" in str(caught.value)


@pytest.mark.parametrize("line", ["Loaded_Language\tمجازر\n", "Loaded_Language\tمجازر\t1.5\n", "Loaded_Language\t... مجازر\t0.5\n"])
def test_a_malformed_line_is_a_coded_error(tmp_path, line):
    directory = copy_resources(tmp_path)
    with (directory / "techniques.tsv").open("a", encoding="utf-8") as handle:
        handle.write(line)
    with pytest.raises(MarsadError) as caught:
        load_cues("techniques.tsv", "technique", directory)
    assert caught.value.code == "M200" and "techniques.tsv:" in str(caught.value)
