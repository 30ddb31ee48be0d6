// The stylesheet of every HTML report: readable on screen in light and dark (prefers-color-scheme) and in
// print (black on white, no page break inside a chart or a table row). Charts are coloured through
// classes so the same SVG follows the scheme. Chart text is 11px, the size the layout functions assume.
export const pageCss = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--grid:#d0d7de;--panel:#f6f8fa;
--up:#1a7f37;--down:#cf222e;--total:#57718f;--s1:#0969da;--s2:#bc4c00;--s3:#8250df;
--p1:#2f8f5b;--p2:#0969da;--p3:#d4a72c;--p4:#cf222e;--p5:#8c959f;--p6:#8250df;--heat:#0969da;--heat-strong:#ffffff}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--grid:#30363d;--panel:#161b22;
--up:#3fb950;--down:#f85149;--total:#8ba3bf;--s1:#58a6ff;--s2:#f0883e;--s3:#bc8cff;
--p1:#56d364;--p2:#58a6ff;--p3:#e3b341;--p4:#f85149;--p5:#8b949e;--p6:#bc8cff;--heat:#58a6ff;--heat-strong:#0d1117}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 "Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid var(--grid);padding-bottom:4px}
.subtitle{margin:2px 0;color:var(--muted)}
.policy dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:4px 24px;margin:0}
.policy dl div{display:flex;gap:8px;min-width:0}
.policy dt{font-weight:600;flex:0 0 auto}
.policy dd{margin:0;color:var(--muted);overflow-wrap:anywhere;min-width:0}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:16px}
figure.chart{margin:0 0 16px;padding:8px;background:var(--panel);border-radius:6px;min-width:0}
figure.chart figcaption{font-weight:600;margin-bottom:4px;overflow-wrap:anywhere}
.chart-svg{display:block;max-width:100%;height:auto}
.chart-svg text{font:11px "Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;fill:var(--fg)}
.chart-svg .tick,.chart-svg .category{fill:var(--muted)}
.chart-svg .grid line{stroke:var(--grid);stroke-width:1}
.chart-svg .grid line.zero{stroke:var(--muted)}
.chart-svg .connector{stroke:var(--muted);stroke-dasharray:3 2}
.bar-total{fill:var(--total)}.bar-up{fill:var(--up)}.bar-down{fill:var(--down)}.bar-value{fill:var(--s1)}
.series-1 .line{stroke:var(--s1)}.series-2 .line{stroke:var(--s2)}.series-3 .line{stroke:var(--s3)}
.line{fill:none;stroke-width:2}
.series-1 .dot,.series-1 .swatch{fill:var(--s1)}.series-2 .dot,.series-2 .swatch{fill:var(--s2)}.series-3 .dot,.series-3 .swatch{fill:var(--s3)}
.part-1{fill:var(--p1)}.part-2{fill:var(--p2)}.part-3{fill:var(--p3)}.part-4{fill:var(--p4)}.part-5{fill:var(--p5)}.part-6{fill:var(--p6)}
.heat{fill:var(--heat)}.chart-svg .cell{fill:var(--fg)}.chart-svg .cell.strong{fill:var(--heat-strong)}
.table-wrap{overflow-x:auto;margin:0 0 16px}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:3px 8px;border-bottom:1px solid var(--grid);text-align:left;white-space:nowrap}
th{background:var(--panel)}
.num{text-align:right}
tr.total td{font-weight:600;border-top:2px solid var(--muted)}
td.better{color:var(--up)}td.worse{color:var(--down)}
footer{margin-top:24px;color:var(--muted)}
.alert{border-left:4px solid var(--down);padding-left:12px}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--grid:#bbb;--panel:#fff;--up:#1a7f37;--down:#cf222e;--total:#57718f;
--s1:#0969da;--s2:#bc4c00;--s3:#8250df;--p1:#2f8f5b;--p2:#0969da;--p3:#d4a72c;--p4:#cf222e;--p5:#8c959f;--p6:#8250df;--heat:#0969da;--heat-strong:#fff}
body{font-size:10pt}main{max-width:none;padding:0}.table-wrap{overflow:visible}table{font-size:8pt}
figure.chart,tr{break-inside:avoid}h2{break-after:avoid}}
`.trim();
