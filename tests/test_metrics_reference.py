"""BLEU, chrF++ and TER equal sacrebleu's own numbers, corpus and per segment."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from termcheck import check
from termcheck.config import Config
from termcheck.errors import ConfigError
from termcheck.metrics.reference import parse_names, tokenizer_for
from termcheck.model import Segment

DATA = Path(__file__).parent / "data"


def sacrebleu_cli(ref: Path, hyp: Path) -> list[float]:
    """`sacrebleu REF -i HYP -m bleu chrf ter --chrf-word-order 2 -b -w 4 -f text`: BLEU, chrF++, TER."""
    exe = shutil.which("sacrebleu")
    cmd = [exe] if exe else [sys.executable, "-m", "sacrebleu"]
    out = subprocess.run([*cmd, str(ref), "-i", str(hyp), "-m", "bleu", "chrf", "ter", "--chrf-word-order", "2",
                          "-b", "-w", "4", "-f", "text"], capture_output=True, text=True, check=True).stdout
    return [float(x) for x in out.split()]


def texts(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def edge_files(tmp_path: Path) -> dict[str, Path]:
    """Short, identical, empty-ish and punctuation-heavy lines: where smoothing and TER shifts matter."""
    hyp = ["The two sides met in Munich.", "Yes", "He said , \"no\" .", "a b c d e f g", "Identical line here.",
           "完全不同的句子", "Shift these words around please"]
    ref = ["Both sides met in Munich on Friday.", "No", "He said: “no”.", "a b c d e f g h", "Identical line here.",
           "Something else entirely.", "Please shift these words around"]
    out = {}
    for name, lines in (("hyp", hyp), ("ref", ref)):
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def corpus(seed: dict, edge_files: dict, name: str) -> tuple[Path, Path, Path | None]:
    if name == "seed":
        return seed["ref"], seed["mt"], seed["zh"]
    return edge_files["ref"], edge_files["hyp"], None


@pytest.mark.parametrize("name", ["seed", "edge"])
def test_corpus_scores_equal_the_sacrebleu_command_line(name: str, seed: dict, edge_files: dict) -> None:
    ref, hyp, src = corpus(seed, edge_files, name)
    report = check(source=src, target=hyp, reference=ref, glossary=[DATA / "metrics-glossary.csv"])
    r = report.metrics["reference"]
    assert [r["bleu"]["score"], r["chrf"]["score"], r["ter"]["score"]] == sacrebleu_cli(ref, hyp)
    assert r["segments"] == len(texts(hyp))


@pytest.mark.parametrize("name", ["seed", "edge"])
def test_segment_scores_equal_sacrebleu_sentence_scores(name: str, seed: dict, edge_files: dict) -> None:
    ref, hyp, src = corpus(seed, edge_files, name)
    report = check(source=src, target=hyp, reference=ref, glossary=[DATA / "metrics-glossary.csv"])
    per = report.metrics["per_segment"]
    # `sacrebleu --sentence-level` turns effective order on for BLEU
    bleu, chrf, ter = BLEU(effective_order=True), CHRF(word_order=2), TER()
    for i, (h, r) in enumerate(zip(texts(hyp), texts(ref), strict=True)):
        assert per["bleu"][i] == round(bleu.sentence_score(h, [r]).score, 4)
        assert per["chrf"][i] == round(chrf.sentence_score(h, [r]).score, 4)
        assert per["ter"][i] == round(ter.sentence_score(h, [r]).score, 4)


def test_signatures_and_details_are_sacrebleus(seed: dict) -> None:
    r = check(target=seed["mt"], reference=seed["ref"], glossary=[DATA / "metrics-glossary.csv"]).metrics["reference"]
    refs = [texts(seed["ref"])]
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF(word_order=2)), ("ter", TER())):
        score = metric.corpus_score(texts(seed["mt"]), refs)
        assert r[name]["signature"] == metric.get_signature().format()
        assert r[name]["score"] == round(score.score, 4)
    assert "tok:13a" in r["bleu"]["signature"] and "nw:2" in r["chrf"]["signature"]
    bleu = BLEU().corpus_score(texts(seed["mt"]), refs)
    assert (r["bleu"]["hyp_len"], r["bleu"]["ref_len"]) == (bleu.sys_len, bleu.ref_len)


def test_batches_sum_to_the_corpus_score(seed: dict) -> None:
    """Statistics are summed across batches: a batch size of 4 gives the same numbers as one batch."""
    whole = check(target=seed["mt"], reference=seed["ref"], glossary=[DATA / "metrics-glossary.csv"])
    small = check(target=seed["mt"], reference=seed["ref"], glossary=[DATA / "metrics-glossary.csv"],
                  config=Config(batch_size=4))
    assert small.metrics["reference"] == whole.metrics["reference"]
    assert small.metrics["per_segment"] == whole.metrics["per_segment"]


def test_no_reference_no_reference_metrics(seed: dict) -> None:
    m = check(source=seed["zh"], target=seed["mt"], glossary=[DATA / "metrics-glossary.csv"]).metrics
    assert "reference" not in m and "bleu" not in m["per_segment"]


def test_segments_without_reference_are_left_out() -> None:
    segs = [Segment("1", None, "The cat sat.", 0, "d", "The cat sat."),
            Segment("2", None, "A dog.", 1, "d", None)]
    m = check(segs, glossary=[DATA / "metrics-glossary.csv"]).metrics
    assert m["reference"]["segments"] == 1 and m["reference"]["chrf"]["score"] == 100.0
    assert m["per_segment"]["chrf"] == [100.0, None]


def test_choosing_reference_metrics(seed: dict) -> None:
    m = check(target=seed["mt"], reference=seed["ref"], glossary=[DATA / "metrics-glossary.csv"],
              config=Config(options={"reference": {"metrics": ["chrf", "bleu"]}})).metrics
    assert set(m["reference"]) == {"segments", "bleu", "chrf"} and "ter" not in m["per_segment"]


@pytest.mark.parametrize(("spec", "names"), [("bleu,chrf,ter", ("bleu", "chrf", "ter")), ("TER, chrF++", ("chrf", "ter")),
                                             (["bleu"], ("bleu",))])
def test_parse_names(spec: object, names: tuple) -> None:
    assert parse_names(spec) == names


@pytest.mark.parametrize("spec", ["meteor", "", "bleu,comet"])
def test_unknown_reference_metric_is_a_config_error(spec: str) -> None:
    with pytest.raises(ConfigError):
        parse_names(spec)


@pytest.mark.parametrize(("lang", "tok"), [("en", "13a"), ("en-GB", "13a"), ("zh", "zh"), ("zh-Hans", "zh"),
                                           ("fr", "13a")])
def test_tokenizer_follows_the_target_language(lang: str, tok: str) -> None:
    assert tokenizer_for(lang) == tok


def test_configuration_file_chooses_reference_metrics(seed: dict, tmp_path: Path) -> None:
    cfg = tmp_path / "termcheck.toml"
    cfg.write_text('[reference]\nmetrics = ["bleu"]\n', encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "termcheck", "check", "--config", str(cfg), "--glossary",
                        str(DATA / "metrics-glossary.csv"), "--target", str(seed["mt"]), "--reference",
                        str(seed["ref"]), "--format", "json", "--fail-on", "never"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert set(json.loads(p.stdout)["metrics"]["reference"]) == {"segments", "bleu"}
