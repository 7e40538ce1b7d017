(function () {
  "use strict";
  // Filters by severity, check and document; their state lives in the URL fragment
  // (#severity=critical,major&check=terminology.forbidden&doc=d1&flagged=1) so a filtered view can be shared.
  var ORDER = ["critical", "major", "minor", "info"];
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var sevBoxes = all("input[name=sev]");
  var checkSel = document.getElementById("f-check");
  var docSel = document.getElementById("f-doc");
  var flagged = document.getElementById("f-flagged");
  var counter = document.getElementById("count");
  var findings = {};
  all("li.f").forEach(function (li) { findings[li.id] = li; });

  function hasOption(select, value) {
    return all("option", select).some(function (o) { return o.value === value; });
  }

  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("severity")) {
      var wanted = params.get("severity").split(",");
      sevBoxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
    }
    if (params.has("check") && hasOption(checkSel, params.get("check"))) { checkSel.value = params.get("check"); }
    if (params.has("doc") && hasOption(docSel, params.get("doc"))) { docSel.value = params.get("doc"); }
    if (params.has("flagged")) { flagged.checked = params.get("flagged") === "1"; }
  }

  function writeFragment(sev) {
    var params = new URLSearchParams();
    if (sev.length < ORDER.length) { params.set("severity", sev.join(",")); }
    if (checkSel.value) { params.set("check", checkSel.value); }
    if (docSel.value) { params.set("doc", docSel.value); }
    if (flagged.checked) { params.set("flagged", "1"); }
    var text = params.toString();
    if (("#" + text) !== location.hash && !(text === "" && location.hash === "")) {
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    }
  }

  function apply() {
    var sev = sevBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var check = checkSel.value, doc = docSel.value, onlyFlagged = flagged.checked;
    var narrowed = sev.length < ORDER.length || check !== "";
    var segs = 0, shownSegs = 0, shownFindings = 0;
    all("section.doc").forEach(function (section) {
      var docOk = !doc || section.getAttribute("data-doc") === doc;
      var visibleRows = 0;
      all("article.seg", section).forEach(function (row) {
        var visible = 0;
        all("li.f", row).forEach(function (li) {
          var ok = docOk && sev.indexOf(li.getAttribute("data-sev")) >= 0 &&
            (!check || li.getAttribute("data-check") === check);
          li.hidden = !ok;
          if (ok) { visible += 1; }
        });
        all("mark[data-f]", row).forEach(function (mark) {
          var worst = null;
          mark.getAttribute("data-f").split(" ").forEach(function (id) {
            var li = findings[id];
            if (li && !li.hidden) {
              var s = li.getAttribute("data-sev");
              if (worst === null || ORDER.indexOf(s) < ORDER.indexOf(worst)) { worst = s; }
            }
          });
          if (worst) { mark.setAttribute("data-show", worst); } else { mark.removeAttribute("data-show"); }
        });
        var show = docOk && (visible > 0 || (!onlyFlagged && !narrowed));
        row.hidden = !show;
        if (docOk) { segs += 1; }
        if (show) { visibleRows += 1; shownSegs += 1; shownFindings += visible; }
      });
      section.hidden = !docOk || visibleRows === 0;
    });
    counter.textContent = "showing " + shownSegs + " of " + segs + " segments, " + shownFindings + " finding" +
      (shownFindings === 1 ? "" : "s");
    writeFragment(sev);
  }

  // j / k: next / previous visible segment with a visible finding
  var current = null;
  function step(direction) {
    var rows = all("article.seg.flagged").filter(function (r) {
      return !r.hidden && !r.closest("section.doc").hidden && all("li.f", r).some(function (li) { return !li.hidden; });
    });
    if (!rows.length) { return; }
    var i = current ? rows.indexOf(current) : -1;
    i = i < 0 ? (direction > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, i + direction));
    if (current) { current.classList.remove("current"); }
    current = rows[i];
    current.classList.add("current");
    current.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (e.altKey || e.ctrlKey || e.metaKey || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
    if (e.key === "j") { step(1); } else if (e.key === "k") { step(-1); }
  });

  // hovering a finding outlines its spans on both sides; hovering a span outlines its findings
  function link(target, on) {
    var li = target.closest && target.closest("li.f");
    var mark = target.closest && target.closest("mark[data-f]");
    var ids = li ? [li.id] : mark ? mark.getAttribute("data-f").split(" ") : [];
    ids.forEach(function (id) {
      if (findings[id]) { findings[id].classList.toggle("hl", on); }
      all("mark[data-f~='" + id + "']").forEach(function (m) { m.classList.toggle("hl", on); });
    });
  }
  document.addEventListener("mouseover", function (e) { link(e.target, true); });
  // long messages (glossary notes) show four lines; a click shows the rest
  document.addEventListener("click", function (e) {
    var msg = e.target.closest && e.target.closest(".msg");
    if (msg && !window.getSelection().toString()) { msg.classList.toggle("open"); }
  });
  document.addEventListener("mouseout", function (e) { link(e.target, false); });

  sevBoxes.concat([checkSel, docSel, flagged]).forEach(function (el) { el.addEventListener("change", apply); });
  window.addEventListener("hashchange", function () { readFragment(); apply(); });
  readFragment();
  apply();
}());
