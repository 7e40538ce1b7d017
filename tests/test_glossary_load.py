"""Glossary loading: CSV/TSV columns, statuses, broken rows named by file and line, TBX 2008/2019."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.errors import GlossaryError
from termcheck.glossary import csvfmt, tbx
from termcheck.glossary.load import load
from termcheck.glossary.model import Status
from termcheck.model import Severity


def test_csv_columns_become_statuses(mini_glossary: Path) -> None:
    g = load([mini_glossary])
    e = g.get("de-sinicization")
    assert e is not None and e.severity is Severity.MAJOR
    by_text = {t.text: t for t in e.terms}
    assert by_text["de-sinicization"].status is Status.PREFERRED
    assert by_text["de-China"].status is Status.FORBIDDEN and not by_text["de-China"].any_context
    assert by_text["desinization"].any_context
    assert by_text["desinization"].examples == ("Turning de-risking into desinization.",)
    assert e.preferred("en").text == "de-sinicization"


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("id,zh,en\na,中美,China-US\nb,中美关系\n", 3, "fields"),
        ("id,zh,en,severity\na,中美,China-US,urgent\n", 2, "unknown severity"),
        ("id,zh,en,en_forbiden\na,中美,China-US,x\n", 1, "did you mean 'en_forbidden'"),
        ("id,zh,en\na,中美,China-US\n# comment\na,美方,the US side\n", 4, "duplicate id"),
        ("id,zh,en\n,中美,China-US\n", 2, "empty id"),
        ("id,zh,en\na,中美,\n", 2, "no preferred rendering"),
        ("source,target\n中美,China-US\n", 1, "column 'source' names a side, not a language"),
        ("id,zh,en,colour\na,中美,China-US,red\n", 1, "unknown column 'colour' (name the term columns by language code"),
    ],
)
def test_broken_rows_name_file_and_line(tmp_path: Path, text: str, line: int, needle: str) -> None:
    p = tmp_path / "g.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as e:
        load([p])
    assert e.value.line == line and needle in str(e.value) and str(p) in str(e.value)


def test_a_glossary_without_an_id_column_names_each_row_by_its_first_latin_term(tmp_path: Path) -> None:
    p = tmp_path / "desk.csv"
    p.write_text("zh,en,fr\n中美关系,China-US relations,\n去风险,de-risking,\n去风险化,De-Risking,\n"
                 "外交部,Ministry of Foreign Affairs (MFA),Ministère des Affaires étrangères\n"
                 "外长,,Ministre des Affaires étrangères\n", encoding="utf-8")
    g = load([p])
    assert [e.id for e in g.entries] == ["china-us-relations", "de-risking", "de-risking-2",
                                         "ministry-of-foreign-affairs-mfa", "ministre-des-affaires-etrangeres"]
    p.write_text("zh,ja\n中美关系,米中関係\n", encoding="utf-8")
    assert [e.id for e in load([p]).entries] == ["中美关系"]


def test_side_columns_of_a_cat_export_stand_for_the_run_s_languages(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text("Source,Target,Note\nMinistry of Foreign Affairs,외교부,MOFA\n", encoding="utf-8")
    [entry] = load([p], ("en", "ko")).entries
    assert entry.id == "ministry-of-foreign-affairs" and entry.note == "MOFA"
    assert [(t.lang, t.text) for t in entry.terms] == [("en", "Ministry of Foreign Affairs"), ("ko", "외교부")]
    other = load([p], ("zh", "en")).entries[0].terms[0]  # the same file in another run: that run's languages
    assert (other.lang, other.text) == ("zh", "Ministry of Foreign Affairs")


def test_a_spreadsheet_export_with_semicolons_loads(tmp_path: Path) -> None:
    p = tmp_path / "excel.csv"
    p.write_bytes("\ufeffZH;EN;Note\r\n外务大臣;Minister for Foreign Affairs;a note, with a comma\r\n".encode())
    [entry] = load([p]).entries
    assert [(t.lang, t.text) for t in entry.terms] == [("zh", "外务大臣"), ("en", "Minister for Foreign Affairs")]
    assert entry.note == "a note, with a comma"


def test_later_glossaries_override_by_id(tmp_path: Path, mini_glossary: Path) -> None:
    p = tmp_path / "desk.csv"
    p.write_text("id,zh,en\nde-risking,去风险,derisking policy\nnew-term,新词,new term\n", encoding="utf-8")
    g = load([mini_glossary, p])
    assert g.get("de-risking").preferred("en").text == "derisking policy"
    assert g.get("new-term") is not None
    assert len(g) == len(load([mini_glossary])) + 1


@pytest.mark.parametrize("version", ["2008", "2019"])
def test_tbx_round_trip(tmp_path: Path, mini_glossary: Path, version: str) -> None:
    entries = load([mini_glossary]).entries
    p = tmp_path / f"g{version}.tbx"
    p.write_bytes(tbx.dump(entries, version))
    back = tbx.read(p)
    assert [(e.id, e.terms, e.severity, e.domains, e.note, e.attestation) for e in back] == \
        [(e.id, e.terms, e.severity, e.domains, e.note, e.attestation) for e in entries]
    assert csvfmt.dump(back) == csvfmt.dump(entries)


def _one_tbx_entry(path: Path, *english: tuple[str, str, str]) -> Path:
    """A TBX file of one concept: 去风险 and these English terms, each (term, termNote type, status)."""
    tigs = "".join(f'  <tig><term>{t}</term><termNote type="{kind}">{status}</termNote></tig>\n'
                   for t, kind, status in english)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><text><body>\n'
                    '<termEntry id="c1">\n <langSet xml:lang="zh"><tig><term>去风险</term></tig></langSet>\n'
                    f' <langSet xml:lang="en">\n{tigs} </langSet>\n</termEntry></body></text></martif>',
                    encoding="utf-8")
    return path


def test_tbx_without_termcheck_extras(tmp_path: Path) -> None:
    status = "administrativeStatus"
    p = _one_tbx_entry(tmp_path / "basic.tbx", ("de-risking", status, "preferredTerm-admn-sts"),
                       ("risk reduction", status, "deprecatedTerm-admn-sts"),
                       ("derisking", status, "admittedTerm-admn-sts"),
                       ("risk mitigation", status, "supersededTerm-admn-sts"))
    (e,) = load([p]).entries
    assert [(t.text, t.status) for t in e.terms_in("en")] == [
        ("de-risking", Status.PREFERRED), ("risk reduction", Status.DEPRECATED),
        ("derisking", Status.ADMITTED), ("risk mitigation", Status.SUPERSEDED)]


def test_tbx_statuses_of_the_whole_picklist_and_of_tbx_2008_normative_authorization(tmp_path: Path) -> None:
    p = _one_tbx_entry(tmp_path / "other.tbx", ("de-risking", "administrativeStatus", "standardizedTerm-admn-sts"),
                       ("derisking", "normativeAuthorization", "admittedTerm"),
                       ("risk reduction", "administrativeStatus", "deprecatedTerm"))
    (e,) = load([p]).entries
    assert [(t.text, t.status) for t in e.terms_in("en")] == [
        ("de-risking", Status.PREFERRED), ("derisking", Status.ADMITTED), ("risk reduction", Status.DEPRECATED)]
    assert b"preferredTerm-admn-sts" in tbx.dump([e], "2008")  # written as TBX-Basic names it


@pytest.mark.parametrize(
    ("xml", "needle"),
    [
        ("<martif><text><body><termEntry id='x'><langSet xml:lang='zh'><tig><term>a</term></tig>", "malformed XML"),
        ("<martif><text><body><termEntry id='x'><langSet xml:lang='zh'><tig><term>中</term>"
         "<termNote type='administrativeStatus'>bogus</termNote></tig></langSet></termEntry></body></text></martif>",
         "unknown administrativeStatus"),
    ],
)
def test_broken_tbx_is_an_error(tmp_path: Path, xml: str, needle: str) -> None:
    p = tmp_path / "bad.tbx"
    p.write_text(xml, encoding="utf-8")
    with pytest.raises(GlossaryError, match=needle):
        load([p])


def test_tbx_entity_declarations_are_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    p = tmp_path / "xxe.tbx"
    p.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>
<martif><text><body><termEntry id="x">
<langSet xml:lang="zh"><tig><term>中美</term></tig></langSet>
<langSet xml:lang="en"><tig><term>China-US &xxe;</term></tig></langSet>
</termEntry></body></text></martif>""", encoding="utf-8")
    with pytest.raises(GlossaryError, match="declares XML entities") as e:
        load([p])
    assert str(e.value).startswith(f"{p}:1: ") and "TOPSECRET" not in str(e.value)
