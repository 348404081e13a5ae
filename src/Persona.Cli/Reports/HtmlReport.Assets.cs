namespace Persona.Cli.Reports;

/// <summary>The page's inline style and script: no framework, no network.</summary>
public static partial class HtmlReport
{
    private const string Style = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:0 18px 40px;color:#1d2330}
h1{font-size:24px;margin:18px 0 4px} h2{font-size:19px;border-bottom:2px solid #e3e6ec;padding-bottom:4px;margin-top:34px} h3{font-size:15px}
nav a{color:#2f6fb5} code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
.verdict.pass,span.pass,p.pass{color:#1d7a3a} .verdict.na{color:#8a6d00;font-weight:600} .verdict.fail,span.fail,p.fail,.verdict.refuted,.verdict.unknown{color:#b3261e;font-weight:600}
tr.fail td:first-child{box-shadow:inset 4px 0 0 #b3261e}
span.verdict{padding:1px 8px;border-radius:4px} span.verdict.pass{background:#e2f4e7} span.verdict.fail{background:#fbe3e1}
.lead{color:#3b4455;max-width:900px} .muted{color:#6b7385;font-weight:normal}
table{border-collapse:collapse;margin:8px 0;width:100%} th,td{border-bottom:1px solid #e3e6ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f5f6f9;font-weight:600} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.summary tfoot td{font-weight:600;border-top:2px solid #cfd4de}
.figures .figure{display:inline-block;margin-right:18px} .figure .value{font-size:20px;font-weight:700}
.controls{margin:10px 0;display:flex;gap:10px;align-items:center;flex-wrap:wrap} .controls input[type=search]{width:320px;padding:4px 6px}
details.kind{border:1px solid #e3e6ec;border-radius:6px;margin:8px 0;padding:4px 10px} details.kind>summary{cursor:pointer;padding:4px 0}
tr.cex td{background:#fff6f5} .counterexample table.state{width:auto} tr.changed td{background:#ffe9b3}
article.bug{border-left:4px solid #b3261e;padding:2px 12px;margin:14px 0;background:#fffafa}
.scroll{overflow-x:auto;max-width:100%}
svg text{font-size:11.5px;fill:#1d2330} svg .tick{font-size:10px;fill:#6b7385}
.lifeline rect{fill:#e3ecfa;stroke:#35507a} .lifeline line{stroke:#9aa3b5;stroke-dasharray:4 3}
.message line,.message path{stroke:#1d2330;stroke-width:1.2} .message.link line{stroke-dasharray:6 3} .message.create line{stroke-dasharray:2 3}
.message.failing line,.message.failing path{stroke:#c00;stroke-width:2.2} .message.failing text{fill:#c00;font-weight:700}
.note rect{fill:#fff7c0;stroke:#b9a400} .failure rect{fill:#ffd0d0;stroke:#c00;stroke-width:2} .failure text{fill:#900;font-weight:700}
.elided{fill:#6b7385;font-style:italic}
.violation{border:2px solid #b3261e;border-radius:6px;padding:4px 12px;background:#fff6f5}
.legend{margin:6px 0} .swatch{display:inline-block;width:14px;height:14px;border:1px solid #999;vertical-align:middle;margin:0 4px 0 10px}
svg .separator{stroke:#e3e6ec} svg .region{stroke:#1d2330;stroke-width:.6}
figure.ownership{margin:14px 0} figure.ownership figcaption{font-weight:600;margin-bottom:4px}
footer{margin-top:40px;color:#6b7385;font-size:12px}
""";

    private const string Script = """
(function () {
  'use strict';
  var filter = document.getElementById('proof-filter');
  var failuresOnly = document.getElementById('failures-only');
  var shown = document.getElementById('proof-shown');
  function apply() {
    var query = filter ? filter.value.trim().toLowerCase() : '';
    var only = failuresOnly ? failuresOnly.checked : false;
    var total = 0, visible = 0;
    document.querySelectorAll('tr.obligation').forEach(function (row) {
      total++;
      var keep = (query === '' || row.getAttribute('data-search').indexOf(query) >= 0) && (!only || !row.classList.contains('proved'));
      row.hidden = !keep;
      var next = row.nextElementSibling;
      if (next && next.classList.contains('cex')) next.hidden = !keep;
      if (keep) visible++;
    });
    document.querySelectorAll('details.kind').forEach(function (group) {
      var any = group.querySelector('tr.obligation:not([hidden])') !== null;
      group.hidden = !any;
      if (any && (query !== '' || only)) group.open = true;
    });
    if (shown) shown.textContent = 'showing ' + visible + ' of ' + total + ' obligations';
  }
  function openAll(open) {
    document.querySelectorAll('details.kind').forEach(function (group) { group.open = open; });
  }
  if (filter) filter.addEventListener('input', apply);
  if (failuresOnly) failuresOnly.addEventListener('change', apply);
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { openAll(true); });
  if (collapse) collapse.addEventListener('click', function () { openAll(false); });
  apply();
  document.documentElement.setAttribute('data-rendered', 'true');
})();
""";
}
