"""Reports built by hand for the renderer tests: hostile text, several documents, a gate verdict."""

from __future__ import annotations

from termcheck.fingerprint import segment_context
from termcheck.model import Finding, Fix, Origin, Segment, Severity
from termcheck.report.model import GateResult, Report, summarize

HOSTILE = 'He said <script>alert(1)</script> and "><img src=x onerror=alert(2)> & left.'
CHECKS = (
    {"id": "terminology.forbidden", "category": "terminology/wrong-term", "severity": "major",
     "title": "A known wrong rendering of a glossary term is in the target"},
    {"id": "terminology.missing", "category": "terminology/wrong-term", "severity": "major",
     "title": "A glossary term of the source is not rendered officially"},
    {"id": "fluency.artifact", "category": "fluency/grammar", "severity": "minor", "title": "MT artifact"},
)


def seg(i: int, source: str | None, target: str, doc: str = "a.en.txt", src_file: str = "a.zh.txt") -> Segment:
    return Segment(str(i), source, target, i - 1, doc, None,
                   Origin(src_file if source is not None else doc, i), Origin(doc, i))


def finding(s: Segment, check: str, sev: Severity, target: tuple[int, int] | None,
            source: tuple[int, int] | None = None, suggestion: str | None = "de-risking",
            message: str = "wrong rendering") -> Finding:
    cat = next(c["category"] for c in CHECKS if c["id"] == check)
    return Finding(check, cat, sev, s.id, message, s.index, s.doc, source, target,
                   s.source[source[0]:source[1]] if source and s.source else None,
                   s.target[target[0]:target[1]] if target else None, suggestion, "de-risking", None,
                   s.target_origin or s.origin, segment_context(s),
                   Fix(target, suggestion) if target and suggestion else None)


def sample(passed: bool = False, fail_on: str = "major") -> Report:
    """Two documents; overlapping spans; hostile text in a segment, a message and a suggestion."""
    s1 = seg(1, "不要以去风险为名搞脱钩。", "Do not pursue decoupling in the name of risk reduction.")
    s2 = seg(2, "他说<script>。", HOSTILE)
    s3 = seg(3, "双方同意继续沟通。", "The two sides agreed to keep in touch.")
    t1 = seg(1, "去中国化。", "Turning it into desinization, desinization.", doc="b.en.txt", src_file="b.zh.txt")
    a = s1.target.index("risk reduction")
    h = HOSTILE.index("<script>")
    d = t1.target.index("desinization")
    findings = [
        finding(s1, "terminology.forbidden", Severity.MAJOR, (a, a + 14), (3, 6)),
        finding(s1, "fluency.artifact", Severity.MINOR, (a + 5, a + 14), None, None, "overlaps the term"),
        finding(s2, "terminology.forbidden", Severity.CRITICAL, (h, h + 17), (2, 10),
                '<b>bold</b> "quoted"', 'message with <i>markup</i> & "quotes"'),
        finding(t1, "terminology.forbidden", Severity.MAJOR, (d, d + 12), (0, 4), "de-sinicization"),
        finding(t1, "terminology.missing", Severity.INFO, None, (0, 4), "de-sinicization", "source only"),
    ]
    findings.sort(key=Finding.sort_key)
    segments = (s1, s2, s3, t1)
    summary = summarize(findings, len(segments), [s.doc for s in segments])
    reasons = () if passed else ("2 findings of severity major or worse.",)
    gate = GateResult(passed, reasons, {"fail_on": fail_on})
    metrics = {"terms": {"success_rate": 62.5}, "mqm": {"penalty_per_1000_words": 41.0, "score": 95.9}}
    return Report("0.1.0", {"text": "termcheck:0.1.0|glossary:test", "version": "0.1.0"}, summary, metrics,
                  tuple(findings), segments, gate, CHECKS)
