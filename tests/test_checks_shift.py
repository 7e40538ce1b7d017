"""alignment.shift: a run of targets translating their neighbours' sources is found once, at its first segment."""

from __future__ import annotations

import json

import pytest
from shareddata import shared_dir

from termcheck.api import check
from termcheck.checks.shift import find_runs, scorer
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment

# a short text of our own: each target translates its source, with ordinary words, a few numbers and names
PAIRS = [
    ("今年春天，农民在河边种植了大量的水稻。", "This spring, farmers planted a large amount of rice by the river."),
    ("学校图书馆新增了三千本科学书籍。", "The school library added three thousand science books."),
    ("医生建议老人每天散步半小时。", "Doctors advise old people to walk for half an hour every day."),
    ("这座桥梁由钢铁建造，长达八百米。", "The bridge is built of steel and is 800 metres long."),
    ("音乐会在周末吸引了许多年轻观众。", "The concert attracted many young listeners at the weekend."),
    ("政府计划修建一条通往山区的铁路。", "The government plans to build a railway to the mountain region."),
    ("博物馆展出了古代陶瓷和青铜器。", "The museum displayed ancient ceramics and bronzes."),
    ("暴雨导致城市交通中断了两天。", "Heavy rain disrupted the city's traffic for two days."),
    ("工厂去年生产了五万辆汽车。", "Last year the factory produced fifty thousand cars."),
    ("孩子们在公园里放风筝和踢足球。", "The children flew kites and played football in the park."),
    ("银行宣布降低贷款利率。", "The bank announced lower interest rates on loans."),
    ("科学家在海洋深处发现了一种新鱼类。", "Scientists discovered a new species of fish deep in the ocean."),
    ("玛丽亚在巴黎学习法语和绘画。", "Maria studied French and painting in Paris."),
    ("这家餐馆以新鲜的海鲜和蔬菜闻名。", "This restaurant is famous for fresh seafood and vegetables."),
    ("火车站的候车大厅正在重新装修。", "The waiting hall of the railway station is being renovated."),
    ("图书管理员帮助学生查找历史资料。", "The librarian helped students find historical documents."),
]
EXTRA = "The weather forecast promises sunshine for the holiday."


def _run(sources: list[str], targets: list[str]) -> list[tuple[int, int, int]]:
    return [(r.first, r.last, r.step) for r in find_runs(len(sources), scorer(sources, targets))]


def test_own_text_is_clean():
    assert _run([s for s, _ in PAIRS], [t for _, t in PAIRS]) == []


@pytest.mark.parametrize("k", range(0, len(PAIRS) - 3))
@pytest.mark.parametrize("how", ["drop", "insert"])
def test_planted_shift_in_own_text(how, k):
    sources = [s for s, _ in PAIRS[:-1]]
    targets = [t for _, t in PAIRS]
    shifted = targets[:k] + targets[k + 1:] if how == "drop" else [*targets[:k], EXTRA, *targets[k:-2]]
    runs = _run(sources, shifted[:len(sources)])
    assert len(runs) == 1
    first, last, step = runs[0]
    assert abs(first - k) <= 1 and step == (1 if how == "drop" else -1)
    assert last >= len(sources) - 3  # the shift runs on to the end


def test_semantic_evidence_when_asked_for():
    from termcheck.align import semantic

    if not semantic.available():
        pytest.skip("the semantic extra is not installed")
    sources = [s for s, _ in PAIRS[:-1]]
    targets = [t for _, t in PAIRS]
    assert find_runs(len(sources), scorer(sources, targets[:-1], semantic=True)) == []
    runs = find_runs(len(sources), scorer(sources, targets[:5] + targets[6:], semantic=True))
    assert [(r.first, r.step) for r in runs] == [(5, 1)]


def test_reported_once_with_first_and_last_segment():
    n = len(PAIRS) - 1
    targets = [t for _, t in PAIRS]
    targets = targets[:4] + targets[5:]
    segs = [Segment(str(i + 1), PAIRS[i][0], targets[i], index=i, doc="d") for i in range(n)]
    rep = check(segs, glossary=Glossary([]), config=Config(select=("alignment.shift",)))
    assert [(f.check, f.segment, str(f.severity)) for f in rep.findings] == [("alignment.shift", "5", "major")]
    assert "segments 5 to" in rep.findings[0].message and rep.findings[0].score > 0


@pytest.mark.parametrize("size", [6, 2000])
def test_segments_without_index_are_taken_in_order(size):
    targets = [t for _, t in PAIRS]
    targets = targets[:4] + targets[5:]
    segs = [Segment(str(i + 1), PAIRS[i][0], targets[i]) for i in range(len(PAIRS) - 1)]
    segs += [Segment(f"b{i}", s, t, doc="e") for i, (s, t) in enumerate(PAIRS[:6])]  # a second document: a run
    segs += [Segment(f"b{i + 6}", PAIRS[i + 7][0], PAIRS[i + 8][1], doc="e") for i in range(5)]  # lost after 6
    rep = check(segs, glossary=Glossary([]), config=Config(select=("alignment.shift",), batch_size=size))
    assert [f.segment for f in rep.findings] == ["5", "b6"]


def test_a_segment_without_target_ends_a_run():
    targets = [t for _, t in PAIRS]
    targets = targets[:4] + targets[5:]
    segs = [Segment(str(i + 1), PAIRS[i][0], None if i == 9 else targets[i], index=i) for i in range(len(PAIRS) - 1)]
    rep = check(segs, glossary=Glossary([]), config=Config(select=("alignment.shift",)))
    assert [f.segment for f in rep.findings] == ["5", "11"]


def test_across_batch_boundary_and_documents():
    n = len(PAIRS) - 1
    targets = [t for _, t in PAIRS]
    targets = targets[:9] + targets[10:]
    segs = [Segment(str(i + 1), PAIRS[i][0], targets[i], index=i, doc="d") for i in range(n)]
    # the same text in a second document, unshifted: a run never crosses documents
    segs += [Segment(f"b{i}", s, t, index=n + i, doc="e") for i, (s, t) in enumerate(PAIRS)]
    for size in (7, 11, 2000):
        rep = check(segs, glossary=Glossary([]), config=Config(select=("alignment.shift",), batch_size=size))
        assert [f.segment for f in rep.findings] == ["10"], size


def test_a_long_run_across_many_batches_is_reported_once_from_its_start():
    pairs = PAIRS * 3
    targets = [t for _, t in pairs]
    targets = targets[:3] + targets[4:]
    segs = [Segment(str(i + 1), pairs[i][0], targets[i], doc="d") for i in range(len(targets))]
    for size in (5, 7, 2000):
        rep = check(segs, glossary=Glossary([]), config=Config(select=("alignment.shift",), batch_size=size))
        assert [f.segment for f in rep.findings] == ["4"], size
        assert rep.findings[0].message.startswith(f"segments 4 to {len(targets) - 1} ")


# the shared real data (skipped when absent): planted shifts in 20-segment windows, and the unshifted data
SHARED = shared_dir()
DEV = SHARED / "mqm-dev" / "wmt23-general-zhen.mqm.tsv" if SHARED else None
UN = SHARED / "real-parallel" / "un-zh-en.ref.jsonl" if SHARED else None
WINDOW = 20


def _dev_systems() -> list[list[tuple[str, str]]]:
    systems: dict[str, dict[int, tuple[str, str]]] = {}
    with open(DEV, encoding="utf-8") as f:
        next(f)
        for line in f:
            r = line.rstrip("\n").split("\t")
            clean = [x.replace("<v>", "").replace("</v>", "") for x in (r[5], r[6])]
            systems.setdefault(r[0], {})[int(r[3])] = (clean[0], clean[1])
    return [[d[k] for k in sorted(d)] for _, d in sorted(systems.items())]


def _un() -> list[list[tuple[str, str]]]:
    with open(UN, encoding="utf-8") as f:
        return [[(d["zh"], d["en"]) for d in map(json.loads, f)]]


@pytest.mark.parametrize("corpus", ["dev", "un"])
def test_real_data_planted_and_clean(corpus):
    path = DEV if corpus == "dev" else UN
    if path is None or not path.exists():
        pytest.skip("shared data absent")
    found = planted = clean = 0
    for pairs in _dev_systems() if corpus == "dev" else _un():
        for w, start in enumerate(range(0, len(pairs) - WINDOW, WINDOW)):
            win = pairs[start:start + WINDOW + 1]
            sources = [s for s, _ in win[:WINDOW]]
            targets = [t for _, t in win]
            assert _run(sources, targets[:WINDOW]) == [], (corpus, start)
            clean += WINDOW
            # a shift of one segment at every position that leaves two shifted segments, across windows
            k = w % (WINDOW - 2)
            dropped = targets[:k] + targets[k + 1:]
            inserted = [*targets[:k], pairs[(start + 7 * WINDOW) % len(pairs)][1], *targets[k:]]
            for shifted, step in ((dropped, 1), (inserted, -1)):
                runs = _run(sources, shifted[:WINDOW])
                planted += 1
                found += any(abs(r[0] - k) <= 1 and r[2] == step for r in runs)
    assert clean >= 3000
    assert found == planted, (found, planted)
