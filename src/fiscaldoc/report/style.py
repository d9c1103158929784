"""The report's style sheet: one inline CSS, scoped to ``.fd`` so that a table shown in a
notebook leaves the notebook's own styles alone; Chinese fonts are the reader's own."""

from __future__ import annotations

CSS = """
.fd{--err:#b3261e;--warn:#8a5300;--info:#1a5fb4;--line:#d0d4da;--soft:#f4f5f7;
font-family:system-ui,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:#1b1d21;line-height:1.5;
font-size:15px;max-width:70rem;margin:0 auto;padding:0 .75rem}
.fd h1{font-size:1.45rem;margin:.8rem 0 .2rem}.fd h2{font-size:1.2rem;margin:1.6rem 0 .5rem;
border-bottom:2px solid var(--line)}.fd h3{font-size:1.02rem;margin:1.1rem 0 .1rem}
.fd code{font-size:.85em;background:var(--soft);padding:0 .25em;border-radius:3px}
.fd .meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.4rem 0}
.fd .meta dt{color:#5b616b}.fd .meta dd{margin:0}
.fd .counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0;padding:0;list-style:none}
.fd .counts li{padding:.2rem .7rem;border-radius:1rem;background:var(--soft)}
.fd .sev-error{--sev:var(--err)}.fd .sev-warning{--sev:var(--warn)}.fd .sev-info{--sev:var(--info)}
.fd .counts li.sev-error,.fd .counts li.sev-warning,.fd .counts li.sev-info{color:#fff;
background:var(--sev)}
.fd nav.toc ol{padding-left:1.4rem}.fd nav.toc li{margin:.1rem 0}
.fd details{margin:.3rem 0}.fd summary{cursor:pointer}
.fd .unread li{margin:.15rem 0}
.fd article.finding{border:1px solid var(--line);border-left:5px solid var(--sev);
border-radius:6px;padding:.5rem .8rem;margin:.8rem 0;background:#fff}
.fd article.finding:target{box-shadow:0 0 0 3px var(--sev)}
.fd .finding header{display:flex;flex-wrap:wrap;gap:.3rem .7rem;align-items:baseline}
.fd .sev{color:#fff;background:var(--sev);border-radius:3px;padding:0 .4rem;font-size:.8rem;
text-transform:uppercase}
.fd .msg{margin:.3rem 0 .1rem}.fd .msg-en{margin:0 0 .3rem;color:#4a4f57;font-size:.93em}
.fd .figures{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.2rem 0}
.fd .figures span b{font-weight:600}
.fd ol.values{margin:.3rem 0;padding-left:1.4rem;font-size:.93em}
.fd figure{margin:.5rem 0}.fd figure svg{width:100%;height:auto;display:block;
border:1px solid var(--line);background:#fff}
.fd figcaption{font-size:.8rem;color:#5b616b}
.fd svg .box{fill:none;stroke:var(--sev);stroke-width:4}
.fd svg .tag{fill:var(--sev)}.fd svg text{fill:#fff;font:bold 22px sans-serif}
.fd pre.source{background:var(--soft);padding:.4rem .6rem;border-radius:4px;overflow-x:auto;
white-space:pre-wrap;word-break:break-all;font-size:.85rem;tab-size:4;margin:.4rem 0}
.fd pre.source .ln{display:inline-block;min-width:3.2em;color:#8a9099;user-select:none}
.fd pre.source .gap{color:#8a9099}
.fd mark{background:color-mix(in srgb,var(--sev) 22%,#fff);outline:2px solid var(--sev);
border-radius:2px}.fd mark sup{color:var(--sev);font-weight:700;padding-left:1px}
.fd .scroll{overflow-x:auto;margin:.3rem 0 .8rem}
.fd table{border-collapse:collapse;font-size:.85rem;min-width:60%}
.fd caption{text-align:left;font-weight:600;padding:.2rem 0}
.fd th,.fd td{border:1px solid var(--line);padding:.15rem .4rem;vertical-align:top}
.fd th{background:var(--soft);font-weight:600}.fd th.blank{background:#fff}
.fd td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.fd td.code{white-space:nowrap}
.fd td.hit{background:color-mix(in srgb,var(--sev) 20%,#fff);outline:2px solid var(--sev)}
.fd tr.hit td.label{background:color-mix(in srgb,var(--info) 12%,#fff)}
.fd td.undecided{outline:2px dashed #7a4fb3;outline-offset:-3px}
.fd td.undecided::after{content:"?";color:#7a4fb3;font-weight:700;padding-left:.2em}
.fd tr.undecided td.label{border-left:4px dashed #7a4fb3}
.fd .why{color:#7a4fb3;font-size:.8em}
.fd .ref{display:inline-block;margin-left:.25em;padding:0 .3em;border-radius:3px;color:#fff;
background:var(--sev);font-size:.75em;text-decoration:none;line-height:1.4}
.fd a.cell{white-space:nowrap}
.fd .badge{font-size:.75rem;background:var(--soft);border-radius:3px;padding:0 .3rem}
.fd .table-meta,.fd .stated-empty,.fd .table-note{margin:.1rem 0;color:#4a4f57;font-size:.9em}
.fd .legend{font-size:.88em;color:#4a4f57}
.fd footer{margin:2rem 0 1rem;color:#5b616b;font-size:.85em}
@media (max-width:40rem){.fd{font-size:14px;padding:0 .4rem}
.fd .meta{grid-template-columns:1fr}.fd .meta dt{font-weight:600}}
@media print{.fd{max-width:none;font-size:10pt;padding:0}.fd nav.toc{display:none}
.fd *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fd article.finding,.fd figure,.fd tr{break-inside:avoid}
.fd .scroll{overflow:visible}.fd table{font-size:8pt}
.fd a{color:inherit}.fd h2{break-after:avoid}
.fd details::details-content{content-visibility:visible;display:block}}
"""
