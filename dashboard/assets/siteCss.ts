/**
 * The site's one stylesheet (`assets/site.css`), for the built dashboard and the server's working
 * pages alike: CJK font stack, the frame (header, navigation, session, month line, footer), cards
 * that stack on narrow screens, status badges in colour with icon and word, tables, the data status
 * matrix, print rules; then the working pages' own rules (workingPagesCss.ts). No text is set below
 * 11 px at any width.
 */
import { FONT_STACK, INK, MUTED, STATUS_COLOUR, STATUS_TEXT, STATUS_TINT } from "../palette.ts";
import { WORKING_PAGES_CSS } from "./workingPagesCss.ts";

const STATUSES = ["green", "yellow", "red", "not_started", "no_data", "no_target"] as const;

const statusRules = STATUSES.map(
  (s) => `.badge.s-${s}{background:${STATUS_TINT[s]};color:${STATUS_TEXT[s]};border-color:${STATUS_COLOUR[s]}}
.card.s-${s}{border-top-color:${STATUS_COLOUR[s]}}
.bar.s-${s} .fill{background:${STATUS_COLOUR[s]}}
.sentences li.s-${s}{border-left-color:${STATUS_COLOUR[s]}}`,
).join("\n");

export const SITE_CSS = `/* jobtrack */
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:${FONT_STACK};color:${INK};background:#f6f8fa;line-height:1.6;font-size:16px}
a{color:#0550ae}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
h1{font-size:1.6rem;line-height:1.3;margin:.8rem 0 .4rem}
h2{font-size:1.25rem;margin:1.6rem 0 .6rem}
h3{font-size:1.05rem;margin:.2rem 0}
.wrap{max-width:1200px;margin:0 auto;padding:0 1rem}
.wrap.wide{max-width:96rem}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:.5rem}
.site-header{background:#0b3d91;color:#fff}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.4rem;padding-top:.5rem;padding-bottom:.5rem}
.site-header a{color:#fff}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
.site-nav ul{display:flex;flex-wrap:wrap;gap:.2rem 1.1rem;list-style:none;margin:0;padding:0}
.site-nav a{text-decoration:none;padding:.2rem 0;border-bottom:2px solid transparent}
.site-nav a:hover{border-bottom-color:rgba(255,255,255,.6)}
.site-nav a[aria-current=page]{border-bottom-color:#fff;font-weight:700}
.session{margin-left:auto;display:flex;flex-wrap:wrap;align-items:center;gap:.3rem 1rem;font-size:.9rem}
.session .who{color:#dbe6f7}
.session .who:empty{display:none}
.offline-note{color:#dbe6f7}
.logout{margin:0}
.logout button{font:inherit;color:#fff;background:none;border:1px solid rgba(255,255,255,.7);border-radius:4px;padding:0 .6rem;cursor:pointer}
.logout button:hover{background:rgba(255,255,255,.12)}
.month-bar{background:#e9eff8;border-bottom:1px solid #c5d3e8}
.month-bar.past{background:#fbefff;border-bottom-color:#c297ff}
.month-bar .wrap{position:relative;display:flex;flex-wrap:wrap;align-items:center;gap:.2rem 1.2rem;padding-top:.3rem;padding-bottom:.3rem}
.month-bar p{margin:0}
.month-picker{position:static}
.month-picker summary{cursor:pointer;color:#0550ae;text-decoration:underline}
.month-picker ul{position:absolute;z-index:30;left:1rem;top:100%;max-width:calc(100% - 2rem);margin:.3rem 0 0;padding:.5rem .7rem;list-style:none;background:#fff;border:1px solid #d0d7de;border-radius:6px;box-shadow:0 4px 14px rgba(31,35,40,.18);display:grid;grid-template-columns:repeat(3,max-content);gap:.2rem 1.2rem}
.month-picker a[aria-current=page]{font-weight:700;color:${INK}}
.site-footer{color:${MUTED};font-size:.875rem;margin-top:2rem;border-top:1px solid #d0d7de;background:#fff}
.footer-links{margin-top:0}
main{padding-bottom:1rem}
main:focus{outline:none}
.lede{font-size:1.05rem}
.crumbs{margin:.8rem 0 0;font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17.5rem,1fr));gap:1rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.8rem 1rem;min-width:0}
article.card{border-top:5px solid ${MUTED}}
section.card{margin:1rem 0}
.card>h2:first-child,.card>h1:first-child{margin-top:.1rem}
.sign-in label{display:block;margin-bottom:.3rem}
.refusal code{overflow-wrap:anywhere}
.card h3 a{text-decoration:none}
.card h3 a:hover,.card h3 a:focus-visible{text-decoration:underline}
.card .status{margin:.3rem 0}
.figure{margin:.2rem 0;display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .6rem}
.figure .actual{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.figure .of{color:${MUTED}}
.badge{display:inline-flex;align-items:center;gap:.3rem;border:1px solid transparent;border-radius:999px;padding:0 .55rem;font-size:.875rem;font-weight:600;white-space:nowrap}
.badge.met{background:#ddf4ff;color:#0a3069;border-color:#0969da}
.icon{width:1em;height:1em;flex:none}
.bar{position:relative;height:.7rem;background:#eaeef2;border-radius:999px;margin:.6rem 0 .9rem}
.bar .fill{position:absolute;left:0;top:0;bottom:0;border-radius:999px}
.bar .marker{position:absolute;top:-.3rem;bottom:-.3rem;width:3px;margin-left:-1px;background:${INK}}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(7rem,1fr));gap:.3rem .8rem;margin:.4rem 0}
.facts div{min-width:0}
.facts dt{font-size:.8rem;color:${MUTED}}
.facts dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.facts .note{display:block;font-weight:400;font-size:.8rem;color:${MUTED}}
.tag{display:inline-block;border:1px solid;border-radius:3px;padding:0 .35rem;font-size:.8rem;font-weight:600;white-space:nowrap;vertical-align:middle}
.tag.assigned{background:#fbefff;color:#6e2bab;border-color:#8250df}
.behind{margin:.3rem 0 0;font-size:.9rem}
.behind .label{font-weight:600;color:${STATUS_TEXT.red}}
.behind .more{color:${MUTED};font-weight:600}
.source-note{margin:.3rem 0 0;font-size:.8rem;color:${MUTED}}
.legend-link{margin:.2rem 0 .8rem;color:${MUTED}}
.quote{margin:.4rem 0;padding:.5rem .8rem;background:#fff;border-left:4px solid #8c959f;font-size:.95rem}
.quote p{margin:0}
dl.source{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}
dl.source div{display:contents}
dl.source dt{color:${MUTED}}
dl.source dd{margin:0}
.doc{font-style:italic}
.note{font-size:.8rem;color:${MUTED}}
td .note{display:block}
.sentence{font-size:1.1rem;background:#fff;border-left:4px solid #0969da;padding:.5rem .8rem}
.kind{color:${MUTED};font-size:.9rem;margin-left:.4rem}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
.alerts{list-style:none;padding:0;margin:0}
.alert{background:#fff;border:1px solid #d0d7de;border-left:4px solid #8c959f;border-radius:4px;padding:.4rem .7rem;margin:0 0 .5rem}
.alert p{margin:0}
.alert.tone-red{border-left-color:${STATUS_COLOUR.red}}
.alert.tone-yellow{border-left-color:${STATUS_COLOUR.yellow}}
.alert-head{display:flex;flex-wrap:wrap;align-items:center;gap:.1rem .6rem}
.alert-head .icon{margin-right:-.3rem}
.tone-red>.alert-head{color:${STATUS_TEXT.red}}
.tone-yellow>.alert-head{color:${STATUS_TEXT.yellow}}
.alert-type{font-weight:700}
.sev{font-size:.8rem;color:${MUTED}}
.sev-high{font-weight:700;color:${INK}}
.alert .where{font-size:.875rem}
.alert details{margin-top:.3rem}
.alert details summary{cursor:pointer;color:#0550ae}
.alert details .alerts{margin-top:.4rem}
.alert-filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1rem;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0 1rem}
.alert-filters label{display:flex;flex-direction:column;gap:.1rem;font-size:.875rem;min-width:0;max-width:100%}
.alert-filters select{max-width:16rem}
.filter-count{margin:0;flex-basis:100%;color:${MUTED};font-size:.9rem}
.missing{display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding-left:1.2rem}
.unit-switcher{display:flex;flex-wrap:wrap;gap:0 2rem}
.unit-switcher .group-name{font-weight:700;margin:.2rem 0}
.unit-switcher ul{list-style:none;padding:0;margin:0 0 .6rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.unit-switcher a[aria-current=page]{font-weight:700}
.unit-switcher .note{font-size:.8rem;color:${STATUS_TEXT.red}}
.unit-nav{margin:.5rem 0}
.unit-nav summary{cursor:pointer}
.switcher{display:inline-flex;align-items:center;gap:.5rem;margin:.4rem 0}
.switcher select{font:inherit;padding:.2rem .4rem;max-width:100%}
.unit-meta{color:${MUTED}}
.scroll-hint{margin:.6rem 0 -.3rem;font-size:.875rem;color:${MUTED}}
.table-wrap th[scope=row]{min-width:6.5em}
.table-wrap{overflow-x:auto;margin:.6rem 0 1rem;background:#fff;border:1px solid #d0d7de;border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.5rem .6rem}
th,td{padding:.35rem .6rem;border-top:1px solid #d8dee4;text-align:left;vertical-align:top}
thead th{background:#f6f8fa;border-top:none;white-space:nowrap}
th[scope=row]{font-weight:600;min-width:6em}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sub-superseded{color:${MUTED}}
.sub-rejected{color:${STATUS_TEXT.red};font-weight:600}
.chart{margin:0 0 1rem;background:#fff;border:1px solid #d0d7de;border-radius:4px;padding:.6rem;min-width:0}
.chart-svg svg{display:block;width:100%;height:auto}
.chart-svg.compact svg,.chart-narrow svg{max-width:34rem}
.chart-narrow{display:none}
@media (max-width:63.99rem){
  .chart-svg.paired .chart-wide{display:none}
  .chart-svg.paired .chart-narrow{display:block}
}
.chart figcaption{font-size:.875rem;color:${MUTED};margin:.3rem 0}
.chart-grid figcaption{font-size:1rem;font-weight:600;color:${INK}}
.chart-figures{display:block;font-size:.875rem;font-weight:400;color:${MUTED}}
.chart-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(20rem,100%),1fr));gap:1rem}
.legend{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
.legend.states{flex-direction:column}
.key{display:inline-block;width:1.6rem;height:0;vertical-align:middle;margin-right:.4rem;border-top:3px solid}
.key-actual{border-top-color:#0969da}
.key-pace{border-top:2px dashed #57606a}
.key-target{border-top:2px dashed #bc4c00}
.st{text-align:center;white-space:nowrap;font-size:.85rem}
.st-on_time{background:#dafbe1;color:#116329}
.st-late{background:#fff8c5;color:#7d4e00}
.st-missing{background:#ffebe9;color:#a40e26;font-weight:700}
.st-revised{background:#ddf4ff;color:#0a3069}
.st-not_due,.st-none{background:#f6f8fa;color:${MUTED}}
span.st,li.st{display:inline-block;padding:0 .4rem;border-radius:3px}
.matrix th[scope=row]{white-space:nowrap;position:sticky;left:0;background:#fff;z-index:1}
.strip{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}
.strip .m{font-size:.8rem}
.sentences{list-style:none;padding:0;margin:.3rem 0}
.sentences li{border-left:4px solid ${MUTED};padding:.1rem .6rem;margin:0 0 .3rem;background:#fff}
.brief-sheet{max-width:60rem}
.cutoff{font-size:.9rem}
table.compact td,table.compact th{padding:.2rem .5rem}
.js-only{display:none}
html.js .js-only{display:inline-block}
.tip{position:absolute;z-index:20;background:${INK};color:#fff;padding:.25rem .5rem;border-radius:4px;font-size:.85rem;pointer-events:none;max-width:20rem}
${statusRules}
@media (max-width:40rem){
  body{font-size:15px}
  dl.source{grid-template-columns:1fr}
  .session{margin-left:0}
  .figure .actual{font-size:1.4rem}
  .month-picker ul{grid-template-columns:repeat(2,max-content)}
}
@media print{
  body{background:#fff}
  .site-nav,.session,.month-picker,.skip-link,.unit-nav,.tip,.scroll-hint,.alert-filters{display:none!important}
  body.brief .month-bar{display:none!important}
  .card,.chart,.alert,.table-wrap{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  .badge,.bar .fill,.st,.tag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
${WORKING_PAGES_CSS}`;
