"""Matching: longest match wins, word boundaries, Traditional input, renderings tied to source terms."""

from termcheck.glossary.analysis import analyse
from termcheck.glossary.csvfmt import parse
from termcheck.glossary.match import Matcher
from termcheck.glossary.model import Glossary
from termcheck.model import Segment

CSV = """id,zh,en,en_admitted,en_forbidden,en_forbidden_any,severity
china-us,中美,China-US,China and the United States,,,minor
china-us-relations,中美关系,China-US relations,,Sino-American relations,,major
three-communiques,中美三个联合公报,three China-US joint communiqués,,Sino-American joint communiqués,,major
de-risking,去风险,de-risking,,risk reduction,,major
de-sinicization,去中国化,de-sinicization,,,desinization,major
"""


def matcher() -> Matcher:
    return Matcher(Glossary(tuple(parse(CSV, "t.csv"))))


def ids(m: Matcher, hits: list) -> list[str]:
    return [m.entry(h).id for h in hits]


def test_longest_source_match_wins() -> None:
    m = matcher()
    assert ids(m, m.source_hits("尊重中美三个联合公报")) == ["three-communiques"]


def test_short_term_inside_a_longer_word_is_not_matched() -> None:
    m = matcher()
    assert m.source_hits("中美洲国家") == []


def test_traditional_source_matches() -> None:
    m = matcher()
    text = "推動中美關係"
    hits = m.source_hits(text)
    assert ids(m, hits) == ["china-us-relations"]
    assert text[hits[0].start:hits[0].end] == "中美關係"


def test_target_variants_and_spans() -> None:
    m = matcher()
    seg = Segment("1", "把去风险变成去中国化", "Turning Derisking into “desinization”.")
    terms = analyse(m, seg)
    status = {m.glossary.entries[u.entry].id: u.status for u in terms.uses}
    assert status == {"de-risking": "ok", "de-sinicization": "wrong"}
    wrong = next(u for u in terms.uses if u.status == "wrong").wrong[0]
    assert seg.target[wrong.start:wrong.end] == "desinization"


def test_any_context_renderings_fire_without_source() -> None:
    m = matcher()
    terms = analyse(m, Segment("1", None, "a policy of desinization and risk reduction"))
    assert [seg_id for seg_id in ids(m, list(terms.stray))] == ["de-sinicization"]


def test_terms_inside_hyphenated_words_and_hyphens_either_way() -> None:
    g = Glossary(tuple(parse("id,zh,en\nf,芬太尼,fentanyl\nc,网络安全,cybersecurity\nd,去风险,de-risking\n", "t.csv")))
    m = Matcher(g)
    for text, found in [("fentanyl-related substances", "fentanyl"), ("cyber-security", "cyber-security"),
                        ("de risking", "de risking"), ("De-Risking", "De-Risking")]:
        hits = m.target_hits(text)
        assert [text[h.start:h.end] for h in hits] == [found]


def test_a_scan_for_a_few_entries_finds_what_the_full_scan_finds_of_them() -> None:
    """A target scanned for the renderings of its source's entries finds, for them, exactly what the full scan
    finds (overlapping occurrences, several keys of one term, terms shared by entries), whether the keys are
    few (each looked up) or many (the automaton)."""
    import random

    from termcheck.glossary import match

    words = ["risk", "reduction", "de-risking", "small", "yard", "high", "fence", "the", "United", "States",
             "itself", "risk risk", "China-US"]
    rng = random.Random(7)
    rows = ["id,zh,en,en_admitted,en_forbidden,en_forbidden_any"]
    for i in range(120):
        phrase = " ".join(rng.sample(words, rng.randint(1, 3)))
        other = " ".join(rng.sample(words, rng.randint(1, 2)))
        rows.append(f"e{i},词{i},{phrase},{other},{rng.choice(words)},{'risk risk' if i % 40 == 0 else ''}")
    m = Matcher(Glossary(tuple(parse("\n".join(rows) + "\n", "t.csv"))))
    anywhere = m._any_context
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        full = m.target.candidates(text)
        for size in (1, 3, 60):
            entries = set(rng.sample(range(120), size))
            want = {h for h in full if h.entry in entries or (h.entry, h.term) in anywhere}
            assert set(m.target.candidates(text, (entries, anywhere))) == want
            assert size < 60 or m.target._restricted(entries, anywhere) is None  # many keys: the automaton
    assert match.LOOKUPS < 60 * 3


def test_longest_match_checks_only_what_could_be_kept_and_finds_the_same_hits() -> None:
    """A dense glossary (terms inside terms, short terms across word boundaries, terms with case conditions,
    wrong renderings that must not be proper nouns): `SideMatcher.longest`, which checks a hit's boundary and
    case only when no longer hit kept overlaps it, keeps exactly the hits the full scan's longest pass keeps."""
    import random

    from termcheck.glossary.match import longest

    rng = random.Random(11)
    zh_text = "中美关系去风险化小院高墙中美洲国家推动高质量发展共建一带一路中国式现代化全球发展倡议"
    en_words = ["US", "us", "China", "china", "Policy", "policy", "high", "fence", "small", "yard", "Trade",
                "de-risking", "risk", "reduction", "WTO", "Belt", "Road"]
    rows = ["id,zh,en,en_forbidden"]
    for i in range(300):
        k = rng.randint(1, 6)
        j = rng.randint(0, len(zh_text) - k)
        rows.append(f"e{i},{zh_text[j:j + k]},{' '.join(rng.sample(en_words, rng.randint(1, 3)))},"
                    f"{rng.choice(en_words) if i % 3 == 0 else ''}")
    g = Glossary(tuple(parse("\n".join(rows) + "\n", "t.csv")))
    for side, texts in ((Matcher(g).source, [zh_text[:n] + "，" + zh_text[n:] for n in range(0, 40, 3)]),
                        (Matcher(g, "en", "zh").source,
                         [" ".join(rng.choice(en_words) for _ in range(rng.randint(1, 20))) for _ in range(300)])):
        kept = [side.longest(t) for t in texts]
        assert kept == [longest(side.candidates(t)) for t in texts]
        assert sum(map(len, kept)) > len(texts)  # the glossary is dense: there was something to choose between
