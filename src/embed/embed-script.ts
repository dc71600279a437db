import { supportedLocales, textDirection } from '../shared/locales.ts';
import { embedMessages, widgetStatuses } from './embed-messages.ts';

/**
 * The embeddable widget, plain ES2017 with no dependency: it reads `/api/v2/summary.json` from
 * the Aviso it was loaded from (known from its own `src`), and while an incident is unresolved or
 * a maintenance is under way shows a dismissible notice in a bottom corner. It sets no cookie and
 * stores nothing; its styles live in a shadow root so the host page's CSS cannot touch them.
 * It looks again every five minutes (revalidating, so an unchanged summary costs a 304), so the
 * notice follows the incident; a dismissed notice stays closed until the event gets a new update.
 * Options: `data-locale` (else the browser's languages), `data-position="left"`. The notice sets
 * `lang` and `dir` (rtl for Arabic), and lays itself out with logical properties, so its stripe and
 * close button mirror; its corner stays where the host page put it. It reports on its
 * script tag: `data-state` = `shown`, `quiet`, `dismissed` or `failed`.
 */
const css = [
  ':host{all:initial}',
  '.b{position:fixed;bottom:16px;right:16px;z-index:2147483000;box-sizing:border-box;max-width:min(360px,calc(100vw - 32px));padding-block:12px;padding-inline:14px 40px;border-radius:8px;border-inline-start:6px solid var(--c);background:#fff;color:#1f2328;box-shadow:0 4px 16px rgba(0,0,0,.2);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  '.l{left:16px;right:auto}',
  'p{margin:0 0 4px}',
  '.k{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:#59636e}',
  '.t{font-weight:600}',
  'a{color:#0550ae}',
  'button{position:absolute;top:6px;inset-inline-end:6px;width:28px;height:28px;border:0;border-radius:4px;background:transparent;color:inherit;font-size:20px;line-height:1;cursor:pointer}',
  'button:focus-visible,a:focus-visible{outline:2px solid #0969da;outline-offset:2px}',
  '@media (prefers-color-scheme:dark){.b{background:#1f2328;color:#f0f3f6}.k{color:#9198a1}a{color:#71b7ff}}',
  '@media (prefers-reduced-motion:no-preference){.b{animation:i .25s ease-out}}',
  '@keyframes i{from{opacity:0;transform:translateY(8px)}}',
].join('');

const source = `(function(){
var s=document.currentScript;if(!s||!window.fetch||!window.URL)return;
var M=__MESSAGES__,W=__STATUSES__,R=__RTL__,C=__CSS__,H,X={};
function lb(v){var i=W.indexOf(v);return i<0?v:T[5+i]}
var Z={critical:"#cf222e",major:"#bc4c00",minor:"#d4a72c",none:"#59636e",maintenance:"#0969da"};
function pick(){var a=[s.getAttribute("data-locale")].concat(navigator.languages||[navigator.language]);
for(var i=0;i<a.length;i++){var l=a[i];if(!l)continue;if(M[l])return l;var p=l.split("-")[0].toLowerCase();
for(var k in M)if(k.split("-")[0].toLowerCase()===p)return k}return "en"}
var L=pick(),T=M[L],U=new URL("api/v2/summary.json?locale="+encodeURIComponent(L),s.src).href;
function el(n,c,x){var e=document.createElement(n);if(c)e.className=c;if(x)e.textContent=x;return e}
function st(v){s.setAttribute("data-state",v)}
function show(d){
var a=(d.incidents||[]).filter(function(i){return /^(investigating|identified|monitoring)$/.test(i.status)}),
m=(d.scheduled_maintenances||[]).filter(function(i){return i.status==="in_progress"||i.status==="verifying"}),
e=a[0]||m[0],u=e&&(e.incident_updates||[])[0]||{},k=e&&e.id+u.id;
st(e?X[k]?"dismissed":"shown":"quiet");if(H&&H.k===k)return;if(H){H.remove();H=0}if(!e||X[k])return;
var h=el("div");h.setAttribute("data-aviso-embed","");h.k=k;H=h;
var r=h.attachShadow?h.attachShadow({mode:"open"}):h,b=el("div","b");
if(s.getAttribute("data-position")==="left")b.className+=" l";
b.style.setProperty("--c",Z[e.impact]||Z.none);
b.setAttribute("role","status");b.setAttribute("aria-live","polite");b.setAttribute("aria-label",T[4]);b.setAttribute("lang",L);b.setAttribute("dir",R.indexOf(L)<0?"ltr":"rtl");
r.appendChild(el("style",0,C));r.appendChild(b);document.body.appendChild(h);
var x=el("button",0,"\\u00d7");x.type="button";x.setAttribute("aria-label",T[3]);x.onclick=function(){X[k]=1;h.remove();H=0;st("dismissed")};
var w=el("a",0,T[2]);w.href=e.shortlink;w.target="_blank";w.rel="noopener";
var t=String(u.body||"");if(t.length>200)t=t.slice(0,199)+"\\u2026";
setTimeout(function(){
b.appendChild(el("p","k",(a[0]?T[0]:T[1])+" \\u00b7 "+lb(u.status||e.status)));
b.appendChild(el("p","t",e.name));if(t)b.appendChild(el("p",0,t));b.appendChild(w);b.appendChild(x)},30)}
function go(){fetch(U,{credentials:"omit",cache:"no-cache"}).then(function(r){return r.ok?r.json():null}).then(function(d){d?show(d):st("failed")},function(){st("failed")})}
function run(){go();setInterval(go,3e5)}
if(document.body)run();else document.addEventListener("DOMContentLoaded",run);
})();
`;

/** The widget's words in one order, so each language is a list rather than an object keyed by name (the script stays small). */
const order = ['i', 'm', 'd', 'x', 'r', ...widgetStatuses];

/** The widget's JavaScript with its messages and styles inlined. */
export function embedScript(): string {
  const messages = Object.fromEntries(supportedLocales.map((l) => [l, order.map((key) => embedMessages(l)[key])]));
  return source
    .replace('__MESSAGES__', () => JSON.stringify(messages))
    .replace('__STATUSES__', () => JSON.stringify(widgetStatuses))
    .replace('__RTL__', () => JSON.stringify(supportedLocales.filter((l) => textDirection(l) === 'rtl')))
    .replace('__CSS__', () => JSON.stringify(css));
}
