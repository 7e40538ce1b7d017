"""`termcheck compare`: sacrebleu's paired bootstrap for BLEU/chrF++, the same test for term success and MQM."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.significance import PairedTest

from termcheck.cli import main
from termcheck.metrics.compare import MetricStats, compare, mqm_score, ratio_score, resample_counts

GLOSSARY = Path(__file__).parent / "data" / "metrics-glossary.csv"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, capsys: pytest.CaptureFixture[str] | None = None) -> Result:
    """`termcheck compare ARGS`: in this process when `capsys` is given, else as a subprocess."""
    if capsys is None:
        p = subprocess.run([sys.executable, "-m", "termcheck", "compare", *args], capture_output=True, text=True)
        return Result(p.returncode, p.stdout, p.stderr)
    try:
        code = main(["compare", *args])
    except SystemExit as e:
        code = int(e.code or 0)
    out = capsys.readouterr()
    return Result(code, out.out, out.err)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def systems(seed: dict, tmp_path: Path) -> dict[str, Path]:
    """A = the seed's machine translation; B = the reference on even lines, the MT on odd ones."""
    mt, ref = lines(seed["mt"]), lines(seed["ref"])
    b = tmp_path / "b.en.txt"
    b.write_text("\n".join(r if i % 2 == 0 else m for i, (m, r) in enumerate(zip(mt, ref, strict=True))) + "\n",
                 encoding="utf-8")
    return {"a": seed["mt"], "b": b, "zh": seed["zh"], "ref": seed["ref"]}


def test_resampling_draws_sacrebleus_indices() -> None:
    idx = np.random.default_rng(12345).choice(7, size=(250, 7), replace=True)
    counts = resample_counts(7, 250, 12345)
    assert counts.shape == (250, 7)
    for row, drawn in zip(counts, idx, strict=True):
        assert row.tolist() == np.bincount(drawn, minlength=7).tolist()


def test_bleu_and_chrf_equal_sacrebleus_paired_bootstrap(systems: dict) -> None:
    ref, a, b = lines(systems["ref"]), lines(systems["a"]), lines(systems["b"])
    metrics = {"BLEU": BLEU(), "chrF2++": CHRF(word_order=2)}
    _, expected = PairedTest([("a", a), ("b", b)], metrics, [ref], test_type="bs", n_samples=1000)()
    ours = []
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF(word_order=2))):
        sa = np.array(metric._extract_corpus_statistics(a, [ref]), dtype=float)
        sb = np.array(metric._extract_corpus_statistics(b, [ref]), dtype=float)
        ours.append(MetricStats(name, name, True, sa, sb, lambda s, m=metric: m._compute_score_from_stats(s).score,
                                float32=True))
    result = compare(ours, samples=1000, seed=12345)
    for r, key in zip(result.results, ("BLEU", "chrF2++"), strict=True):
        base, other = expected[key]
        assert (r.a, r.b) == (base.score, other.score)
        assert r.p_value == other.p_value
        assert (r.a_mean, r.a_ci) == pytest.approx((base.mean, base.ci), abs=1e-9)
        assert (r.b_mean, r.b_ci) == pytest.approx((other.mean, other.ci), abs=1e-9)
        assert r.better == "b"


def stats(pairs: list[tuple[float, float]]) -> np.ndarray:
    return np.array(pairs, dtype=float)


def test_term_success_and_mqm_by_hand() -> None:
    # A renders 18 of 20 terms correctly, B 8 of 20; A's penalty is lower
    a_terms = stats([(1, 1)] * 18 + [(0, 1)] * 2)
    b_terms = stats([(1, 1)] * 8 + [(0, 1)] * 12)
    a_mqm = stats([(0, 10)] * 18 + [(5, 10)] * 2)
    b_mqm = stats([(0, 10)] * 8 + [(5, 10)] * 12)
    result = compare([MetricStats("term_success", "terms", True, a_terms, b_terms, ratio_score()),
                      MetricStats("mqm", "MQM", True, a_mqm, b_mqm, mqm_score)], samples=1000, seed=1)
    terms, mqm = result.results
    assert (terms.a, terms.b, terms.delta) == (90.0, 40.0, -50.0)
    assert (mqm.a, mqm.b) == (100 * (1 - 10 / 200), 100 * (1 - 60 / 200))
    assert terms.better == mqm.better == "a"
    assert terms.p_value < 0.01 and terms.delta_low <= -30 and terms.delta_high < 0
    assert result.verdict()[0] == "a"


def test_identical_systems_are_not_different() -> None:
    s = stats([(1, 1), (0, 1), (1, 1), (1, 1)])
    result = compare([MetricStats("t", "terms", True, s, s.copy(), ratio_score())], samples=200)
    r = result.results[0]
    assert r.delta == 0 and r.better is None and r.p_value == 1.0
    assert result.verdict() == (None, "no significant difference on any of 1 metrics (p >= 0.05)")


def test_resamples_without_any_term_are_left_out() -> None:
    # one term in 40 segments: most resamples draw no term at all and have no success rate
    a = stats([(1, 1)] + [(0, 0)] * 39)
    b = stats([(0, 1)] + [(0, 0)] * 39)
    r = compare([MetricStats("t", "terms", True, a, b, ratio_score())], samples=500).results[0]
    assert (r.a, r.b) == (100.0, 0.0)
    assert (r.a_mean, r.b_mean) == (100.0, 0.0)
    # every resample that holds the term agrees, yet one occurrence proves nothing
    assert r.units == 1 and r.too_few and r.better is None
    assert r.as_dict()["too_few_units"] is True


def test_no_term_in_any_resample_gives_no_numbers_not_nan_json() -> None:
    empty = stats([(0, 0)] * 12)
    r = compare([MetricStats("t", "terms", True, empty, empty.copy(), ratio_score())], samples=50).results[0]
    d = r.as_dict()
    assert d["a"]["score"] is None and d["a"]["ci"] is None and d["p_value"] == 1.0 and d["better"] is None


def test_lower_is_better_metrics_point_the_other_way() -> None:
    a = stats([(1, 10)] * 30)  # TER-like: edits per reference word, A makes fewer edits
    b = stats([(4, 10)] * 30)
    r = compare([MetricStats("ter", "TER", False, a, b, ratio_score())], samples=200).results[0]
    assert r.delta > 0 and r.better == "a"


def test_bootstrap_over_documents_resamples_whole_documents() -> None:
    a = stats([(1, 1)] * 6)
    b = stats([(1, 1)] * 3 + [(0, 1)] * 3)
    units = np.array([0, 0, 0, 1, 1, 1])  # document 1 holds all of B's misses
    metric = MetricStats("t", "terms", True, a, b, ratio_score())
    by_doc = compare([metric], units=units, samples=300)
    assert (by_doc.unit, by_doc.units) == ("document", 2)
    r = by_doc.results[0]
    # a resample holds document 1 zero, one or two times: B scores 100, 50 or 0, and A always 100
    assert (r.a, r.b) == (100.0, 50.0)
    assert (r.delta_low, r.delta_high) == (-100.0, 0.0)
    by_segment = compare([metric], samples=300).results[0]
    assert by_segment.delta_high - by_segment.delta_low < r.delta_high - r.delta_low


def test_cli_seed_comparison(systems: dict, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(systems["a"]), str(systems["b"]), "--source", str(systems["zh"]), "--reference", str(systems["ref"]),
            "--glossary", str(GLOSSARY), "--names", "mt,half-fixed"]
    p = run(*args, "--format", "json", capsys=capsys)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert [r["metric"] for r in data["results"]] == ["bleu", "chrf", "ter", "term_success", "mqm"]
    assert data["segments"] == 18 and data["test"]["samples"] == 1000 and data["test"]["seed"] == 12345
    bleu = data["results"][0]
    assert bleu["better"] == "b" and bleu["b"]["score"] > bleu["a"]["score"]
    assert data["verdict"]["name"] == "half-fixed" and data["verdict"]["text"].startswith("B is better")
    again = run(*args, "--format", "json", capsys=capsys)
    assert again.stdout == p.stdout  # seeded: same input, same bytes
    text = run(*args)  # as a user runs it
    assert text.returncode == 0
    assert "Verdict  B is better" in text.stdout and "BLEU" in text.stdout and "MQM score" in text.stdout


def test_cli_without_reference_compares_terms_and_mqm(systems: dict, capsys: pytest.CaptureFixture[str]) -> None:
    p = run(str(systems["a"]), str(systems["b"]), "--source", str(systems["zh"]), "--glossary", str(GLOSSARY),
            "--format", "json", "--samples", "200", capsys=capsys)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert [r["metric"] for r in data["results"]] == ["term_success", "mqm"]
    assert "reference" in data["skipped"]


@pytest.mark.parametrize(("extra", "message"), [
    (["--names", "only-one"], "--names"),
    (["--samples", "0"], "--samples"),
    (["--alpha", "1.5"], "--alpha"),
    (["--unit", "document"], "at least 2 documents"),
    (["--mqm-weights", "major=lots"], "not a number"),
])
def test_cli_usage_errors_exit_2(systems: dict, extra: list[str], message: str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    p = run(str(systems["a"]), str(systems["b"]), "--source", str(systems["zh"]), "--glossary", str(GLOSSARY), *extra,
            capsys=capsys)
    assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr


def test_cli_misaligned_translation_exits_2(systems: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    short = tmp_path / "short.txt"
    short.write_text("\n".join(lines(systems["a"])[:5]) + "\n", encoding="utf-8")
    p = run(str(systems["a"]), str(short), "--source", str(systems["zh"]), "--glossary", str(GLOSSARY), capsys=capsys)
    assert p.returncode == 2 and "short.txt" in p.stderr and "Traceback" not in p.stderr


def test_cli_reads_the_configuration_file(systems: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "termcheck.toml"
    cfg.write_text('glossary = ["%s"]\n\n[mqm]\nweights = {major = 50}\n' % GLOSSARY.as_posix(), encoding="utf-8")
    p = run(str(systems["a"]), str(systems["b"]), "--source", str(systems["zh"]), "--config", str(cfg),
            "--format", "json", "--samples", "100", capsys=capsys)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    mqm = next(r for r in data["results"] if r["metric"] == "mqm")
    assert "major=50" in mqm["signature"]
    assert "metrics-glossary.csv@" in data["signature"]["text"]
