/// The style sheet of every page: Arabic right-to-left with an Arabic font stack, the editor grid.
enum EditorStyle {
    static let source = #"""
:root {
  --ink: #1d2329; --muted: #5b6670; --line: #d8dde2; --paper: #fbfbf8; --accent: #0b5cad;
  --term: #fff1b8; --draft: #8a6d00; --approved: #1c7c3a; --aligned: #6b4fa0;
  --latin: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
  --arabic: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Arabic Typesetting",
    "Traditional Arabic", "Geeza Pro", "Segoe UI", "DejaVu Sans", sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; font-family: var(--latin); color: var(--ink); background: var(--paper); line-height: 1.5; }
[lang="ar"], .ar { font-family: var(--arabic); }
.top { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.5em; background: #fff; border-bottom: 1px solid var(--line);
  position: sticky; top: 0; z-index: 2; }
.top .brand { font-weight: 700; color: var(--ink); text-decoration: none; font-size: 1.1em; }
.top nav a { margin-right: 1em; }
.top .who { margin-left: auto; color: var(--muted); font-size: .9em; }
main { padding: 1em 1.5em 4em; max-width: 110em; margin: 0 auto; }
a { color: var(--accent); }
h1 { font-size: 1.4em; margin: .3em 0; }
h2 { font-size: 1.1em; }
button { font: inherit; padding: .2em .8em; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
button:hover, button:focus-visible { border-color: var(--accent); }
input, textarea { font: inherit; padding: .3em .5em; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .4em .6em; border-bottom: 1px solid var(--line); vertical-align: top; }
td.ar, th.ar { text-align: right; font-size: 1.15em; line-height: 1.9; }
.message { color: var(--muted); min-height: 1.5em; }
.error { color: #a40000; }
.progress { white-space: nowrap; color: var(--muted); font-size: .9em; }
.progress .bar { display: inline-block; position: relative; width: 8em; height: .6em; background: #e8ebee; border-radius: 3px;
  overflow: hidden; vertical-align: middle; }
.progress .bar span { position: absolute; left: 0; top: 0; bottom: 0; }
.progress .rendered { background: #9cc2e8; }
.progress .approved { background: var(--approved); }
.doc-head { position: sticky; top: 2.9em; background: var(--paper); z-index: 1; padding: .3em 0 .5em; border-bottom: 1px solid var(--line); }
.doc-head .exports { margin: .3em 0; }
.doc-head .filter { margin-left: 1em; color: var(--muted); }
.unit[hidden] { display: none; }
.doc-head .keys { margin: 0; color: var(--muted); font-size: .85em; }
#glossary-search { width: min(28em, 100%); }
.units { display: flex; flex-direction: column; gap: .6em; margin-top: .8em; }
.unit { display: grid; grid-template-columns: 3.5em minmax(0, 1fr) minmax(0, 1fr); gap: .8em; padding: .7em; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; }
.unit.current { border-color: var(--accent); box-shadow: 0 0 0 2px #cfe0f3; }
.unit.dirty .badge::after { content: " · edited"; }
.unit .num { color: var(--muted); font-size: .85em; padding-top: .3em; }
.unit .source .ar { font-size: 1.3em; line-height: 2.1; text-align: right; }
.unit textarea.en { width: 100%; min-height: 3.6em; resize: vertical; line-height: 1.5; }
.unit .actions { display: flex; gap: .4em; align-items: center; flex-wrap: wrap; margin-top: .3em; font-size: .9em; }
.unit .note { color: var(--muted); }
.badge { font-size: .8em; padding: .05em .5em; border-radius: 3px; background: #eef0f2; color: var(--muted); }
.badge.draft { background: #fff4cc; color: var(--draft); }
.badge.approved { background: #dcf2e2; color: var(--approved); }
.badge.aligned { background: #ece6f6; color: var(--aligned); }
mark.term { background: var(--term); border-bottom: 2px solid #d9a400; border-radius: 2px; position: relative; cursor: help; color: inherit; }
mark.term:hover::after, mark.term:focus::after {
  content: attr(data-tip); position: absolute; top: 100%; right: 0; z-index: 3; margin-top: .2em; padding: .3em .6em;
  background: var(--ink); color: #fff; font-family: var(--latin); font-size: .7em; line-height: 1.4; white-space: nowrap;
  border-radius: 4px; direction: ltr; }
mark.term:focus { outline: 2px solid var(--accent); }
.unit-terms { list-style: none; margin: .3em 0 0; padding: 0; font-size: .85em; color: var(--muted); }
.unit-terms .forbidden, td.forbidden { color: #a40000; }
.suggestions, .findings, .history { list-style: none; margin: .4em 0 0; padding: 0; font-size: .9em; }
.suggestion { width: 100%; text-align: left; display: flex; flex-wrap: wrap; gap: .2em .5em; align-items: baseline; margin-top: .2em; }
.suggestion .suggestion-source { flex-basis: 100%; text-align: right; color: var(--muted); font-size: 1.05em; line-height: 1.8; }
.suggestion .differences { flex-basis: 100%; list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2em .8em; font-size: .9em; }
.suggestion .differences .added { color: #1f6f3a; }
.suggestion .differences .removed { color: #a23b2a; }
.suggestion .differences .changed, .suggestion .differences .number { color: #7a5200; }
.suggestion .score { font-weight: 700; min-width: 3em; }
.suggestion .score.context, .suggestion .score.exact { color: var(--approved); }
.suggestion .kind { color: var(--muted); font-size: .85em; }
.suggestion .target-text { flex: 1; }
.suggestion kbd { color: var(--muted); font-size: .75em; }
.suggestions .none { color: var(--muted); }
.findings li { padding: .1em .4em; border-left: 3px solid #d9a400; margin-top: .2em; background: #fffbea; }
.findings li.error { border-color: #a40000; background: #fdeeee; color: inherit; }
.findings li.info { border-color: #9cc2e8; background: #f2f7fc; }
.history li { color: var(--muted); margin-top: .2em; }
.history .history-text { color: var(--ink); }
.conflict { margin-top: .4em; padding: .5em; border: 1px solid #a40000; border-radius: 4px; background: #fdeeee; }
.conflict p { margin: 0 0 .4em; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5em 1em 1em; margin: 1em 0; }
.term-form { display: flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.term-form input { flex: 1 1 10em; }
.concordance mark { background: var(--term); color: inherit; }
.variants { padding-left: 1.2em; }
.upload { margin: .5em 0; }
@media (max-width: 50em) {
  .unit { grid-template-columns: 1fr; }
  .unit .source { order: -1; }
}
"""#
}
