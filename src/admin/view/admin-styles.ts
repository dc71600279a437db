/**
 * The admin app's one stylesheet: plain, readable at 360 px, colours with at least 4.5:1 contrast,
 * a focus ring that is always visible.
 */
export const adminCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa}
a{color:#1d4ed8}
a:hover{color:#1e3a8a}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{inset-inline-start:.5rem;top:.5rem}
header.bar{background:#1f2933;color:#fff;position:relative}
header.bar .inner{max-width:80rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header.bar a{color:#fff}
header.bar .brand{font-weight:700;text-decoration:none;flex:1 1 auto;min-width:0;overflow-wrap:anywhere}
header.bar :focus-visible{outline-color:#93c5fd}
header.bar .button.post{background:#1d4ed8;border-color:#93c5fd;white-space:nowrap;order:2;flex:1 1 100%;text-align:center;font-weight:600}
header.bar summary{cursor:pointer;list-style:none;white-space:nowrap}
header.bar summary::-webkit-details-marker{display:none}
header.bar summary::after{content:" \\25BE"}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;gap:.25rem .9rem}
nav.main a{text-decoration:none;padding:.25rem 0;display:inline-block;white-space:nowrap}
nav.main a[aria-current=page],details.more>summary.current{text-decoration:underline;text-underline-offset:.3rem;font-weight:600}
details.more{position:relative}
details.more>summary{padding:.25rem 0}
nav.main details.more>ul{position:absolute;top:100%;inset-inline-start:0;z-index:5;display:block;min-width:13rem;margin-top:.5rem;padding:.5rem 1rem;background:#1f2933;border:1px solid #7b8794;border-radius:6px}
nav.main details.more a{display:block;padding:.35rem 0}
details.menu{order:1}
details.menu>summary{border:1px solid #cbd2d9;border-radius:4px;padding:.3rem .75rem}
details.menu>nav{position:absolute;inset-inline:0;top:100%;z-index:5;background:#1f2933;padding:.25rem 1rem 1rem;border-top:1px solid #7b8794}
details.menu nav.main ul{flex-direction:column;gap:0}
details.menu nav.main a{display:block;padding:.5rem 0}
details.menu .who{margin-top:.5rem;flex-wrap:wrap}
.wide{display:none}
@media(min-width:64rem){
  header.bar .inner{flex-wrap:nowrap}
  header.bar .brand{flex:0 1 auto;white-space:nowrap}
  header.bar nav.main.wide{display:block;margin-inline-end:auto}
  header.bar div.wide{display:block}
  header.bar .button.post{order:0;flex:0 0 auto;padding:.3rem .8rem}
  .narrow{display:none}
}
.who{display:flex;gap:.5rem;align-items:center;font-size:.9rem}
.who a{color:#fff}
.break{overflow-wrap:anywhere;word-break:break-all}
.who button{background:transparent;color:#fff;border:1px solid #cbd2d9}
main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
h3{font-size:1.05rem;margin:1rem 0 .5rem}
.card{background:#fff;border:1px solid #cbd2d9;border-radius:6px;padding:1rem;margin:0 0 1rem}
.grid{display:grid;gap:1rem}
@media(min-width:48rem){.grid.two{grid-template-columns:1fr 1fr}}
label,legend{font-weight:600;display:block;margin:0 0 .25rem}
fieldset{border:1px solid #cbd2d9;border-radius:6px;margin:0 0 1rem;padding:.5rem 1rem 1rem;min-width:0}
.field{margin:0 0 1rem}
.hint{color:#52606d;font-size:.9rem;margin:.1rem 0 .3rem}
input[type=text],input[type=search],input[type=email],input[type=password],input[type=url],input[type=number],input[type=date],input[type=datetime-local],select,textarea{
  font:inherit;width:100%;max-width:40rem;padding:.45rem .5rem;border:1px solid #7b8794;border-radius:4px;background:#fff;color:#1f2933}
textarea{min-height:6rem}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:#b42318;border-width:2px}
.check{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0}
.check input{margin-top:.35rem;width:1.1rem;height:1.1rem}
.check label{font-weight:400;margin:0}
.check .badge{margin-inline-start:.35rem}
[hidden]{display:none!important}
.picker-list{max-block-size:24rem;overflow:auto;border:1px solid #cbd2d9;border-radius:4px;padding:.25rem .75rem;margin:0 0 1rem;background:#fff}
fieldset.picker-group{border:none;border-radius:0;margin:0;padding:.25rem 0 .5rem}
fieldset.picker-group>legend{font-size:.95rem;margin:.5rem 0 0;padding:0}
.picker-tools{margin:0 0 .5rem}
.error{color:#b42318;font-weight:600;margin:.25rem 0}
.alert{border-inline-start:4px solid #b42318;background:#fdecea;padding:.75rem 1rem;margin:0 0 1rem}
.notice{border-inline-start:4px solid #0f7b3f;background:#e6f4ea;padding:.75rem 1rem;margin:0 0 1rem}
.secret{font-family:ui-monospace,monospace;word-break:break-all;background:#fff;border:1px dashed #52606d;padding:.5rem}
button,.button{font:inherit;display:inline-block;padding:.45rem .9rem;border-radius:4px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer;text-decoration:none;line-height:1.4}
button.secondary,.button.secondary{background:#fff;color:#1d4ed8}
button.danger{background:#b42318;border-color:#b42318;color:#fff}
button.link{background:none;border:none;color:#1d4ed8;text-decoration:underline;padding:0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
.inline{display:inline}
ul.items{list-style:none;margin:0;padding:0}
ul.items>li{background:#fff;border:1px solid #cbd2d9;border-radius:6px;padding:.75rem 1rem;margin:0 0 .5rem}
ul.items>li.child{margin-inline-start:1.25rem}
.meta{color:#52606d;font-size:.9rem}
.badge{display:inline-block;border-radius:999px;padding:0 .6rem;font-size:.85rem;font-weight:600;border:1px solid currentColor}
.s-operational{color:#0f7b3f}.s-degraded_performance{color:#8a5a00}.s-partial_outage{color:#b54708}.s-major_outage{color:#b42318}.s-under_maintenance{color:#1d4ed8}
.i-none{color:#0f7b3f}.i-minor{color:#8a5a00}.i-major{color:#b54708}.i-critical{color:#b42318}.i-maintenance{color:#1d4ed8}
.overall{font-size:1.15rem;font-weight:700}
.update{border-top:1px solid #e4e7eb;padding:.75rem 0}
.update:first-child{border-top:none}
.body{white-space:pre-wrap;overflow-wrap:anywhere}
dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.pairs dt{font-weight:600}
dl.pairs dd{margin:0;overflow-wrap:anywhere}
pre.diff{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f7fa;padding:.5rem;font-size:.85rem;margin:.25rem 0}
/* A table wider than a phone scrolls inside its own box (focusable, so the keyboard scrolls it too), not the page. */
.table-scroll{overflow-x:auto;max-inline-size:100%}
.pager{display:flex;gap:1rem;margin:1rem 0}
.center{max-width:28rem;margin:2rem auto}
.markdown{overflow-wrap:anywhere}
.markdown>:first-child{margin-top:0}
.markdown>:last-child{margin-bottom:0}
.markdown pre{white-space:pre-wrap;background:#f5f7fa;padding:.5rem}
.markdown-field>button{margin:0 0 .5rem}
.preview{border:1px dashed #7b8794;border-radius:6px;padding:.5rem 1rem;margin:0 0 1rem;background:#fff}
.preview>.meta{margin:0 0 .5rem}
dialog{max-width:min(36rem,calc(100vw - 2rem));border:1px solid #7b8794;border-radius:6px;padding:1rem 1.25rem;color:#1f2933}
dialog::backdrop{background:rgb(31 41 51 / .5)}
kbd{font-family:ui-monospace,monospace;border:1px solid #7b8794;border-bottom-width:2px;border-radius:4px;padding:0 .35rem;background:#f5f7fa}
.shortcuts-open{margin:2rem 0 0;font-size:.9rem}
.colour-row{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
.colour-row input[type=color]{inline-size:3rem;block-size:2.25rem;padding:0 .15rem;border:1px solid #7b8794;border-radius:4px;background:#fff}
.colour-preview{border:1px solid #cbd2d9;border-radius:6px;overflow:hidden;margin:0 0 1rem;background:#fff}
.colour-preview .sample-header{background:var(--preview-headerBackground,#1f2933);color:#fff;padding:.75rem 1rem;font-weight:700}
.colour-preview .sample-body{padding:.75rem 1rem}
.colour-preview .sample-body a{color:var(--preview-link,#1d4ed8)}
.colour-preview .sample-button{display:inline-block;background:var(--preview-headerBackground,#1f2933);color:#fff;border-radius:4px;padding:.35rem .8rem;margin-inline-start:.75rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.spark{display:inline-flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;vertical-align:middle}
.spark svg{flex:none;border:1px solid #cbd2d9;border-radius:3px}
.spark-ground{fill:#fff}
.spark-line{fill:none;stroke:#1d4ed8;stroke-width:1.5;stroke-linejoin:round}
.spark-failed{fill:#c5221f;fill-opacity:.15}
.spark-failed-foot{fill:#c5221f}
.spark-no-data{fill:#7b8794}
`;
