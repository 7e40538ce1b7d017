"""Terminology across language pairs: zh->fr, en->zh, glossaries with any number of languages, 3-language TMX."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck import check, selftest
from termcheck.cli import main
from termcheck.config import build
from termcheck.glossary import csvfmt, tbx
from termcheck.glossary.load import load
from termcheck.glossary.model import Glossary, Status
from termcheck.lang import fr_terms
from termcheck.model import Segment

OFFICIAL = Path(__file__).resolve().parent.parent / "glossaries" / "official"

# zh/en/fr: one entry without French, English-only wrong forms that resemble correct French
CSV = """id,zh,en,en_forbidden,en_forbidden_any,fr,fr_admitted,fr_forbidden,severity,attestation,attestation_fr
one-china,一个中国原则|一中原则,one-China principle,one China policy,,principe d'une seule Chine,principe d'une Chine unique,politique d'une seule Chine,critical,a,b
de-sinicization,去中国化,de-sinicization,,desinisation,désinisation,,,major,a,b
security-council,安理会,Security Council,,,Conseil de sécurité,,Conseil de sûreté,major,a,b
nws,核武器国家,nuclear-weapon States,,,État doté d'armes nucléaires,,,major,a,b
who,世界卫生组织,World Health Organization,,,Organisation mondiale de la santé,OMS,,major,a,b
china-us,中美关系,China-US relations,Sino-American relations,,relations sino-américaines,,,major,a,b
candid,坦诚,candid,frank,,,,,minor,a,
"""


def glossary(text: str = CSV) -> Glossary:
    return Glossary(tuple(csvfmt.parse(text, "g.csv")))


def run(pairs: list[tuple[str | None, str]], source_lang: str = "zh", target_lang: str = "fr",
        text: str = CSV) -> tuple[set[tuple[str, str | None, str | None]], dict]:
    segs = [Segment(str(i + 1), s, t, i, "doc") for i, (s, t) in enumerate(pairs)]
    report = check(segs, glossary=glossary(text),
                   config=build(select=("terminology",), source_lang=source_lang, target_lang=target_lang))
    return {(f.check, f.target_text, f.suggestion) for f in report.findings}, report.metrics["terms"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("l’Organisation mondiale de la Santé", "Organisation mondiale de la santé", True),  # elision, case
        ("ETATS-UNIS", "États-Unis", True),  # accents and case
        ("Etats Unis", "États-Unis", True),  # hyphen as a space
        ("relations sino-américaines", "relation sino-américaine", True),  # plural -s
        ("principes internationaux", "principe international", True),  # plural -aux
        ("d'une seule Chine", "d’une seule Chine", True),  # typographic apostrophe
        ("Conseil de sécurité", "Conseil de sûreté", False),
        ("pays", "pay", False),  # an invariable word keeps its -s
    ],
)
def test_french_term_keys(a: str, b: str, same: bool) -> None:
    assert (fr_terms.term_keys(a) == fr_terms.term_keys(b)) is same


def test_elided_word_maps_back_to_the_word_itself() -> None:
    text = "Selon l'OMS, c'est grave."
    norm = fr_terms.normalize(text)
    start = norm.text.index("om")
    assert text[slice(*norm.original_span(start, start + 2))] == "OMS"


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # a planted wrong French rendering, found at its span, the French official form suggested
        ([("中方坚持一个中国原则。", "La Chine respecte la politique d'une seule Chine.")],
         {("terminology.forbidden", "politique d'une seule Chine", "principe d'une seule Chine")}),
        ([("安理会通过了决议。", "Le Conseil de sûreté a adopté la résolution.")],
         {("terminology.forbidden", "Conseil de sûreté", "Conseil de sécurité")}),
        # missing: the French suggestion, never "?"
        ([("安理会通过了决议。", "L'organe a adopté la résolution.")],
         {("terminology.missing", None, "Conseil de sécurité")}),
        # correct French with elision, typographic apostrophes, accents, capitals and plurals: quiet
        ([("中方坚持一个中国原则。", "La Chine respecte le principe d’une seule Chine.")], set()),
        ([("安理会通过了决议。", "LE CONSEIL DE SECURITE A ADOPTE LA RESOLUTION.")], set()),
        ([("五个核武器国家发表声明。", "Les cinq États dotés d'armes nucléaires ont publié une déclaration.")], set()),
        ([("支持世界卫生组织。", "La Chine soutient l'OMS.")], set()),
        ([("坚持一中原则。", "Elle s’en tient au «\u00a0principe d’une seule Chine\u00a0».")], set()),
        ([("中美关系很重要。", "Les relations sino-américaines sont importantes.")], set()),
        # English-only wrong forms never fire on French text (désinisation folds to the English non-word)
        ([("反对去中国化。", "La Chine s'oppose à la « désinisation ».")], set()),
        ([(None, "La « désinisation » ne mène à rien.")], set()),
        # a term whose entry has no French is not a finding, whatever the French says
        ([("双方进行了坦诚的沟通。", "Les deux parties ont eu une communication franche.")], set()),
    ],
)
def test_zh_fr_findings(pairs: list, expected: set) -> None:
    assert run(pairs)[0] == expected


@pytest.mark.parametrize(
    ("source", "targets", "inconsistent"),
    [
        # a French name and its acronym are one rendering (function words have no initial)
        ("中方支持世界卫生组织。", ["La Chine soutient l'Organisation mondiale de la santé.", "La Chine soutient l'OMS."],
         False),
        # two different correct forms in one document are not
        ("中方坚持一个中国原则。", ["Le principe d'une seule Chine est clair.", "Le principe d'une Chine unique est clair."],
         True),
    ],
)
def test_french_consistency(source: str, targets: list[str], inconsistent: bool) -> None:
    found, _ = run([(source, t) for t in targets])
    assert any(c == "terminology.inconsistent" for c, _, _ in found) is inconsistent


def test_french_source() -> None:
    found, _ = run([("Le Conseil de sécurité s’est réuni.", "The Safety Council met.")], "fr", "en",
                   CSV.replace("security-council,安理会,Security Council,,", "security-council,安理会,Security Council,"
                               "Safety Council,"))
    assert found == {("terminology.forbidden", "Safety Council", "Security Council")}
    found, _ = run([("Les États dotés d'armes nucléaires se sont réunis.", "五个核武器国家举行会议。")], "fr", "zh")
    assert found == set()


def test_term_without_target_rendering_is_counted_not_judged() -> None:
    found, terms = run([("双方进行了坦诚的沟通，讨论了安理会改革。", "Les deux parties ont parlé de la réforme.")])
    assert found == {("terminology.missing", None, "Conseil de sécurité")}
    assert (terms["source_terms"], terms["no_rendering"]) == (1, 1)
    found, terms = run([("双方进行了坦诚的沟通。", "The two sides had frank communication.")], target_lang="en")
    assert found == {("terminology.forbidden", "frank", "candid")}
    assert terms["no_rendering"] == 0


ZH_TARGET = """id,zh,zh_admitted,zh_forbidden,en,en_admitted,severity
prc,中华人民共和国,中国,共产中国,People's Republic of China,China|PRC|Chinese Government,critical
chinese-side,中方,,,Chinese side,China|Chinese Government,major
one-china,一个中国原则|一中原则,,一个中国政策,one-China principle,,critical
"""


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # every Chinese form of the entry is a correct rendering: full form, short form, admitted form
        ([("The People's Republic of China was founded in 1949.", "中华人民共和国成立于1949年。")], set()),
        ([("The People's Republic of China was founded in 1949.", "中国成立于1949年。")], set()),
        ([("The PRC upholds the one-China principle.", "中国坚持一中原则。")], set()),
        # a rendering shared by two concepts is right when it is rendered as either
        ([("The Chinese Government upholds the one-China principle.", "中国坚持一个中国原则。")], set()),
        ([("The Chinese Government upholds the one-China principle.", "中方坚持一个中国原则。")], set()),
        ([("The Chinese Government upholds the one-China principle.", "这个政府坚持一个中国原则。")],
         {("terminology.missing", None, "中华人民共和国"), ("terminology.missing", None, "中方")}),
        # a lone admitted word (China) refers back to a concept in a target; it does not name one in a source
        ([("China upholds the one-China principle.", "这个国家坚持一个中国原则。")], set()),
        # a wrong Chinese rendering, at its span
        ([("China upholds the one-China principle.", "中国坚持一个中国政策。")],
         {("terminology.forbidden", "一个中国政策", "一个中国原则")}),
        ([("The PRC was founded in 1949.", "共产中国成立于1949年。")],
         {("terminology.forbidden", "共产中国", "中华人民共和国")}),
        # missing, with the full form suggested
        ([("The PRC was founded in 1949.", "这个国家成立于1949年。")],
         {("terminology.missing", None, "中华人民共和国")}),
    ],
)
def test_en_zh_findings(pairs: list, expected: set) -> None:
    assert run(pairs, "en", "zh", ZH_TARGET)[0] == expected


def test_an_acronym_does_not_match_a_word_that_stems_like_it() -> None:
    text = "id,zh,en,en_admitted\nnam,不结盟运动,Non-Aligned Movement,NAM\n"
    assert run([("He was named ambassador.", "他被任命为大使。")], "en", "zh", text)[0] == set()
    assert run([("The NAM met.", "会议举行了。")], "en", "zh", text)[0] == {
        ("terminology.missing", None, "不结盟运动")}


def test_admitted_chinese_form_is_accepted_in_a_target_only() -> None:
    found, terms = run([("中国坚持一中原则。", "We uphold the one-China principle.")], "zh", "en", ZH_TARGET)
    assert (found, terms["source_terms"]) == (set(), 1)


def test_en_zh_with_the_bundled_glossary_accepts_short_forms() -> None:
    segs = [Segment("1", "China firmly opposes Taiwan independence.", "中国坚决反对台独。"),
            Segment("2", "The People's Republic of China upholds the one-China principle.", "中华人民共和国坚持一中原则。"),
            Segment("3", "China is ready to strengthen counter-terrorism cooperation.", "中方愿加强反恐合作。"),
            Segment("4", "China upholds the one-China principle.", "中国坚持一个中国政策。")]
    report = check(segs, glossary=[OFFICIAL], config=build(select=("terminology",), source_lang="en",
                                                             target_lang="zh"))
    assert [(f.segment, f.check, f.target_text) for f in report.findings] == [("4", "terminology.missing", None)]


@pytest.mark.parametrize(
    ("zh", "fr", "en_wrong"),
    [
        ("中方在乌克兰危机问题上站在和平一边。", "Sur la crise ukrainienne, la Chine se range du côté de la paix.",
         "Ukrainian crisis"),
        ("中美关系很重要。", "Les relations sino-américaines sont importantes.", "Sino-American relations"),
        ("中国共产党召开会议。", "Le PCC a tenu une réunion.", "CCP"),
        ("国务院总理出席了开幕式。", "Le Premier ministre chinois a assisté à la cérémonie.", "Chinese Prime Minister"),
        ("中国式现代化为世界提供了新选择。", "La modernisation à la chinoise offre un nouveau choix.",
         "Chinese-style modernization"),
        ("中方愿为解决热点问题发挥作用。", "La Chine contribuera au règlement des questions brûlantes.", "burning issues"),
        ("双方进行了坦诚的沟通。", "Les deux parties ont eu un échange franc.", "frank"),
    ],
)
def test_wrong_in_english_right_in_french(zh: str, fr: str, en_wrong: str) -> None:
    g = load([OFFICIAL])
    assert any(t.text == en_wrong and t.lang == "en" and not t.status.ok for e in g.entries for t in e.terms)
    config = build(select=("terminology",), target_lang="fr")
    assert check([Segment("1", zh, fr)], glossary=g, config=config).findings == ()


def test_en_forbidden_any_never_fires_on_french_with_the_bundled_glossary() -> None:
    g = load([OFFICIAL])
    wrong_any = [t.text for e in g.entries for t in e.terms if t.lang == "en" and t.any_context]
    assert "desinisation" in wrong_any
    text = "Une " + ", une ".join(wrong_any) + "."
    report = check([Segment("1", None, text)], glossary=g, config=build(select=("terminology",), target_lang="fr"))
    assert report.findings == ()


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="zh"><text><body>
<conceptEntry id="security-council"><admin type="source">UN (English)</admin>
 <langSec xml:lang="zh"><termSec><term>安全理事会</term></termSec><termSec><term>安理会</term></termSec></langSec>
 <langSec xml:lang="en"><termSec><term>Security Council</term>
  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
 <langSec xml:lang="fr"><admin type="source">ONU (français)</admin><termSec><term>Conseil de sécurité</term>
  <descrip type="context">Le Conseil de sécurité a adopté la résolution.</descrip></termSec>
  <termSec><term>Conseil de sûreté</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
  <termNote type="x-status">forbidden</termNote></termSec></langSec>
 <langSec xml:lang="es"><termSec><term>Consejo de Seguridad</term></termSec></langSec>
</conceptEntry></body></text></tbx>
"""


def test_tbx_with_four_languages_is_kept_whole(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text(TBX, encoding="utf-8")
    [entry] = tbx.read(path)
    assert entry.langs == ("zh", "en", "fr", "es")
    assert [(t.text, t.status) for t in entry.terms_in("fr")] == [("Conseil de sécurité", Status.PREFERRED),
                                                                  ("Conseil de sûreté", Status.FORBIDDEN)]
    assert (entry.attestation_for("fr"), entry.attestation_for("es")) == ("ONU (français)", "UN (English)")
    again = tbx.read(tmp_path / "x.tbx", tbx.dump([entry]))[0]
    assert (again.terms, again.attestations) == (entry.terms, entry.attestations)
    back = csvfmt.parse(csvfmt.dump([entry]), "g.csv")[0]
    assert (back.terms, back.attestations, back.attestation) == (entry.terms, entry.attestations, entry.attestation)
    for lang, found in (("fr", {"Conseil de sûreté"}), ("es", set()), ("en", set())):
        target = {"fr": "Le Conseil de sûreté siège.", "es": "El Consejo de Seguridad se reúne.",
                  "en": "The Security Council meets."}[lang]
        report = check([Segment("1", "安理会开会。", target)], glossary=[path],
                       config=build(select=("terminology",), target_lang=lang))
        assert {f.target_text for f in report.findings} == found, lang


def test_csv_without_french_columns_still_loads_and_checks() -> None:
    text = "id,zh,en,attestation\nsecurity-council,安理会,Security Council,a\n"
    found, terms = run([("安理会开会。", "Le Conseil siège.")], text=text)
    assert (found, terms["no_rendering"]) == (set(), 1)
    found, _ = run([("安理会开会。", "The Council met.")], target_lang="en", text=text)
    assert found == {("terminology.missing", None, "Security Council")}


SELFTEST = """id,zh,en,fr,attestation,attestation_fr,test_zh,test_en,test_fr
ok,安理会,Security Council,Conseil de sécurité,a,b,安理会开会。,The Security Council met.,Le Conseil de sécurité siège.
bad,安理会改革,Security Council reform,réforme du Conseil de sécurité,a,b,推进安理会改革。,Advance Security Council \
reform.,Il faut avancer la réforme du Conseil.
"""


def test_selftest_zh_fr_fails_on_a_broken_french_entry() -> None:
    config = build(select=("terminology",), source_lang="zh", target_lang="fr")
    result = selftest.run(glossary(SELFTEST.replace("\\\n", "")), config)
    assert result.for_entry("ok") == []
    assert {f.kind for f in result.for_entry("bad")} == {"correct"}


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="none"
 adminlang="en" srclang="zh" datatype="plaintext"/><body>
<tu tuid="1"><tuv xml:lang="zh-CN"><seg>中方坚决反对“台独”分裂活动。</seg></tuv>
 <tuv xml:lang="en-US"><seg>China firmly opposes separatist activities for Taiwanese independence.</seg></tuv>
 <tuv xml:lang="fr-FR"><seg>La Chine s'oppose fermement aux activités séparatistes visant l'« indépendance de Taiwan ».</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="zh-CN"><seg>王毅出席第60届慕尼黑安全会议。</seg></tuv>
 <tuv xml:lang="en-US"><seg>Wang Yi attended the 60th Munich Security Conference.</seg></tuv>
 <tuv xml:lang="fr-FR"><seg>Wang Yi a assisté à la 60e Conference of Munich on security.</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("en", [("1", "terminology.forbidden", "Taiwanese independence")]),
        # the French tuv is read: its English calque is not an official French rendering
        ("fr", [("2", "terminology.missing", None)]),
    ],
)
def test_three_language_tmx_is_checked_per_target(target: str, expected: list, tmp_path: Path) -> None:
    path = tmp_path / "three.tmx"
    path.write_text(TMX, encoding="utf-8")
    out = tmp_path / f"{target}.json"
    code = main(["check", str(path), "--target-lang", target, "--select", "terminology", "--format", "json",
                 "-o", str(out), "--quiet"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code in (0, 1)
    assert [(f["segment"], f["check"], f.get("target_text")) for f in report["findings"]] == expected
    # the same Chinese source terms are counted whichever target language is read
    from termcheck.glossary.load import load
    from termcheck.glossary.match import Matcher

    matcher = Matcher(load(None), "zh", target)
    zh = ["中方坚决反对“台独”分裂活动。", "王毅出席第60届慕尼黑安全会议。"]
    terms = report["metrics"]["terms"]  # those with no rendering in the target language are counted apart
    assert terms["source_terms"] + terms["no_rendering"] == sum(len(matcher.source_hits(t)) for t in zh) >= 5


def test_glossary_show_gives_each_language_its_attestation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "show", "Conseil de sécurité", "--glossary", str(OFFICIAL), "--format", "json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["id"] == "security-council" and entry["matched"]["lang"] == "fr"
    assert entry["attestation"] and entry["attestations"]["fr"] != entry["attestation"]


def test_a_target_language_the_glossary_lacks_draws_no_terminology_finding() -> None:
    segs = [Segment("1", "中方坚持一个中国原则，支持安理会发挥作用。", "China apoya el papel del Consejo de Seguridad.")]
    report = check(segs, glossary=[OFFICIAL], config=build(select=("terminology",), target_lang="es"))
    terms = report.metrics["terms"]
    assert (report.findings, terms["source_terms"], terms["no_rendering"]) == ((), 0, 3)
