/**
 * The rules of the server's working pages (signing in, upload, SQL console, audit log,
 * administration, the refusal pages), part of the site's one stylesheet (siteCss.ts): forms and
 * buttons, the drop zone, notices, the result badges of submissions and jobs, the preview and
 * result tables, the SQL console's three columns, tables that stack on a phone. The frame, the
 * type and the cards are the dashboard's, so every page looks like one product.
 */
import { STATUS_TEXT, STATUS_TINT } from "../palette.ts";

export const WORKING_PAGES_CSS = `/* the working pages */
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--paper:#fff;--accent:#0b5cad;--good:${STATUS_TEXT.green};--good-bg:${STATUS_TINT.green};--warn:${STATUS_TEXT.yellow};--warn-bg:${STATUS_TINT.yellow};--bad:${STATUS_TEXT.red};--bad-bg:${STATUS_TINT.red}}
.sub-nav ul{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;list-style:none;margin:.8rem 0 0;padding:0;border-bottom:1px solid var(--line)}
.sub-nav a{display:inline-block;padding:.2rem 0;text-decoration:none;border-bottom:3px solid transparent}
.sub-nav a[aria-current=page]{border-bottom-color:var(--accent);font-weight:700;color:var(--ink)}
.lead,.hint{color:var(--muted)}
.hint{font-size:.9rem}
label{font-weight:600}
select,input[type=file],input[type=text],input[type=password],textarea{font:inherit;max-width:100%}
select,input[type=text],input[type=password]{padding:.35rem .5rem;border:1px solid #8c959f;border-radius:6px;background:#fff}
button,.button{font:inherit;display:inline-block;padding:.4rem 1.1rem;border:1px solid var(--accent);border-radius:6px;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:var(--paper);color:var(--accent)}
button[disabled]{opacity:.5;cursor:not-allowed}
.row{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:center;margin:.5rem 0}
ul.links{padding-left:1.2rem}
ul.links li{margin:.3rem 0}
.drop{border:2px dashed #8c959f;border-radius:8px;padding:1.25rem;text-align:center;background:#fafbfc}
.drop.over{border-color:var(--accent);background:#eef5fc}
.badge.accepted,.badge.ok{background:var(--good-bg);color:var(--good)}
.badge.unchanged,.badge.superseded{background:#eaeef2;color:var(--muted)}
.badge.rejected,.badge.failed,.badge.refused,.badge.failure{background:var(--bad-bg);color:var(--bad)}
.notice{border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
.notice.good{background:var(--good-bg);border:1px solid #4ac26b}
.notice.warn{background:var(--warn-bg);border:1px solid #d4a72c}
.notice.bad{background:var(--bad-bg);border:1px solid #ff8182}
.scroll{overflow-x:auto;max-width:100%}
.scroll table{width:max-content;min-width:100%;background:var(--paper)}
.scroll th{position:sticky;top:0}
table.compact td,table.compact th,td.nowrap{white-space:nowrap}
td.null{color:#6e7781;font-style:italic}
td.bad{background:var(--bad-bg);outline:2px solid #cf222e;outline-offset:-2px}
tr.header-row td{font-weight:700;background:#f6f8fa}
th.rownum,td.rownum{color:var(--muted);text-align:right}
.sql-layout{display:grid;grid-template-columns:15rem minmax(0,1fr) 17rem;gap:1rem;align-items:start}
.sql-layout aside{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:.75rem;max-height:80vh;overflow:auto}
.sql-layout h2{margin-top:0}
.sql-layout details{margin:.25rem 0}
.sql-layout summary{cursor:pointer;font-family:ui-monospace,Consolas,monospace}
.sql-layout ul{margin:.25rem 0 .5rem;padding-left:1rem;list-style:none;font-size:.85rem}
.sql-layout code,textarea#editor{font-family:ui-monospace,Consolas,"Courier New",monospace}
textarea#editor{width:100%;min-height:10rem;padding:.6rem;border:1px solid #8c959f;border-radius:6px;font-size:.95rem;tab-size:2}
ol.history{padding-left:1.2rem;margin:0}
ol.history li{margin:.4rem 0}
ol.history button{display:block;background:none;border:0;color:var(--accent);padding:0;text-align:left;font-family:ui-monospace,Consolas,monospace;font-size:.85rem;white-space:pre-wrap;word-break:break-all;cursor:pointer;text-decoration:underline}
ol.history .meta{display:block;color:var(--muted);font-size:.8rem}
.pager{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap;margin:.75rem 0}
pre.detail{margin:0;white-space:pre-wrap;word-break:break-all;font-size:.8rem;max-width:28rem}
.notice pre.detail{max-width:none;margin-top:.3rem;word-break:normal;overflow-wrap:anywhere}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button.column{background:none;border:0;padding:0;color:var(--accent);font-family:ui-monospace,Consolas,monospace;font-size:inherit;text-decoration:underline;cursor:pointer}
.token-form .row label{min-width:9rem}
.token-shown input{font-family:ui-monospace,Consolas,monospace;flex:1 1 20rem;min-width:0}
dl.paths{margin:0;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.4rem 1rem}
dl.paths dt{font-weight:600}
dl.paths dd{margin:0;overflow-wrap:anywhere}
.sign-in{max-width:30rem;margin:6vh auto 2rem}
.sign-in input[type=password]{width:100%}
.sign-in button{margin-top:1rem}
.error{background:var(--bad-bg);border:1px solid #cf222e;color:var(--bad);padding:.6rem .8rem;border-radius:6px;margin-bottom:1rem}
.refusal{max-width:44rem}
.refusal .status-code{color:var(--muted);font-size:.875rem}
.ways{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0 .2rem}
@media (max-width:60rem){
  .sql-layout{grid-template-columns:minmax(0,1fr)}
  .sql-layout aside{max-height:none}
}
@media (max-width:40rem){
  section.card{padding:.75rem}
  dl.paths{grid-template-columns:minmax(0,1fr)}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
  table.stack tr{border-top:1px solid var(--line);padding:.4rem 0}
  table.stack td{border:0;padding:.1rem 0;white-space:normal;text-align:left}
  table.stack td[data-label]::before{content:attr(data-label) "：";font-weight:600;color:var(--muted)}
  table.stack td:empty{display:none}
}
@media print{
  .no-print{display:none}
}
.row[hidden]{display:none}
`;
