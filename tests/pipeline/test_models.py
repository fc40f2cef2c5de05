"""``--model``: another installed French pipeline, checked for what the rules read.

`fr_core_news_sm` is installed with the dev extras, so these tests run it end to end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.pipeline.nlp import ModelError, load_nlp
from talkclaims.run.extract import Extractor

runner = CliRunner()

ARTICLE = (
    "La ministre de la Santé, Claire Dufour, a assuré mardi que les urgences resteraient "
    "ouvertes. « Nous ne fermerons aucun service cet été », a-t-elle déclaré.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "sante.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_with_the_small_model_end_to_end(article):
    result = runner.invoke(
        app, ["extract", str(article), "--model", "fr_core_news_sm", "-f", "jsonl", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["kind"], c["speaker"]) for c in claims] == [
        ("indirect", "Claire Dufour"),
        ("direct", "Claire Dufour"),
    ]
    assert claims[1]["text"] == "Nous ne fermerons aucun service cet été"


def test_the_small_model_is_the_one_that_runs():
    extractor = Extractor(model="fr_core_news_sm")
    assert extractor.nlp.meta["name"] == "core_news_sm"
    assert Extractor().nlp.meta["name"] == "core_news_md"


def test_a_model_that_is_not_installed_is_a_usage_error(article):
    result = runner.invoke(app, ["extract", str(article), "--model", "fr_core_news_xl"])
    assert result.exit_code == 2
    assert "--model: spaCy model 'fr_core_news_xl' is not installed or not found" in (result.output)
    assert "pip install fr-core-news-xl" in result.output


def test_a_pipeline_without_ner_says_what_is_missing(tmp_path, article):
    nlp = spacy.load("fr_core_news_sm")
    nlp.remove_pipe("ner")
    nlp.to_disk(tmp_path / "no_ner")
    with pytest.raises(ModelError, match=r"named-entity recogniser \(ner\)"):
        load_nlp(str(tmp_path / "no_ner"))
    result = runner.invoke(app, ["check", str(article), "--require", "speaker",
                                 "--model", str(tmp_path / "no_ner")])  # fmt: skip
    assert result.exit_code == 2
    assert "lacks what the rules need: a named-entity recogniser (ner)" in result.output


def test_a_pipeline_of_another_language_is_refused(tmp_path):
    blank = spacy.blank("en")
    blank.to_disk(tmp_path / "english")
    with pytest.raises(ModelError, match="'en' pipeline"):
        load_nlp(str(tmp_path / "english"))


def test_the_default_model_is_one_pipeline_whichever_way_it_is_asked_for():
    # the forkserver preloads load_nlp(); workers ask for load_nlp(MODEL): one copy
    from talkclaims.pipeline.nlp import MODEL

    assert load_nlp() is load_nlp(MODEL)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_text("pas un modèle", "utf-8"), "a file, not a spaCy pipeline folder"),
        (lambda p: p.mkdir(), "not a spaCy pipeline folder (no config.cfg;"),
        (lambda p: None, "no such file or folder"),
    ],
)
def test_a_path_that_is_no_pipeline_says_so_not_pip_install(tmp_path, article, make, problem):
    path = tmp_path / "modele"
    make(path)
    result = runner.invoke(app, ["show", str(article), "--model", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"talkclaims: --model: {path}: {problem}")
    assert "pip install" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_pipeline_folder_that_does_not_load_is_one_line(tmp_path, article):
    broken = tmp_path / "casse"
    broken.mkdir()
    (broken / "config.cfg").write_text("[nlp\nlang = ", encoding="utf-8")
    (broken / "meta.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--model", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"talkclaims: --model: {broken}: does not load as a spaCy")
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
