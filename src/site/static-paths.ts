/**
 * Where each public URL lives in a static export. A static server ignores query strings, so the
 * language moves into the path (`/?locale=ru` is `/ru/`, the default language has no prefix), pages
 * are `index.html` in a directory of their own, history and uptime pages get `page/N/`, a
 * component's uptime and badge get the component's id, and API responses keep their `.json` paths.
 */
export interface SiteLocales {
  locales: readonly string[];
  defaultLocale: string;
}

export interface StaticTarget {
  /** The URL to render on the live site (its language named with `?locale=` unless the default). */
  source: string;
  /** The path of the file in the export, without a leading slash. */
  file: string;
  /** How pages of the export link to it. */
  href: string;
}

const idPattern = /^[0-9a-z]{12}$/;
const pageNumber = (value: string | null): number | undefined => {
  if (value === null) return 1;
  return /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : undefined;
};

/**
 * The export's place for a URL (path and query, as a page links it), or undefined when the export
 * has no such file (the subscription forms, for example, which need Aviso itself). A link without
 * `?locale=` on a page of another language means that language (`inherit`), as the cookie does on
 * the live site.
 */
export function staticTarget(url: string, site: SiteLocales, inherit?: string): StaticTarget | undefined {
  const parsed = new URL(url, 'http://export.invalid');
  const params = parsed.searchParams;
  const asked = params.get('locale');
  if (asked !== null && !site.locales.includes(asked)) return undefined;
  const locale = asked ?? (inherit !== undefined && site.locales.includes(inherit) ? inherit : site.defaultLocale);
  const prefix = locale === site.defaultLocale ? '' : `${locale}/`;
  const withLocale = (path: string, query: [string, string][] = []) => {
    const all = locale === site.defaultLocale ? query : [...query, ['locale', locale] as [string, string]];
    return all.length === 0 ? path : `${path}?${new URLSearchParams(all).toString()}`;
  };
  const only = (...names: string[]) => [...params.keys()].every((name) => name === 'locale' || names.includes(name));
  const page = (dir: string) => ({ file: `${dir}index.html`, href: `/${dir}` });
  const path = parsed.pathname;

  if (path === '/' && only()) return { source: withLocale('/'), ...page(prefix) };
  if (path === '/history' && only('page')) {
    const n = pageNumber(params.get('page'));
    if (n === undefined) return undefined;
    return { source: withLocale('/history', n > 1 ? [['page', String(n)]] : []), ...page(`${prefix}history/${n > 1 ? `page/${n}/` : ''}`) };
  }
  if (path === '/uptime' && only('page', 'component')) {
    const n = pageNumber(params.get('page'));
    const component = params.get('component');
    if (n === undefined || (component !== null && !idPattern.test(component))) return undefined;
    const query: [string, string][] = [];
    if (component !== null) query.push(['component', component]);
    if (n > 1) query.push(['page', String(n)]);
    const dir = `${prefix}uptime/${component === null ? '' : `${component}/`}${n > 1 ? `page/${n}/` : ''}`;
    return { source: withLocale('/uptime', query), ...page(dir) };
  }
  const incident = /^\/incidents\/([0-9a-z]{12})$/.exec(path);
  if (incident !== null && only()) return { source: withLocale(path), ...page(`${prefix}incidents/${incident[1]}/`) };
  if ((path === '/history.atom' || path === '/history.rss') && only()) {
    return { source: withLocale(path), file: `${prefix}${path.slice(1)}`, href: `/${prefix}${path.slice(1)}` };
  }
  const api = /^\/api\/v2\/([a-z/-]+?)(\.json)?$/.exec(path);
  if (api !== null && only()) {
    const file = `${prefix}api/v2/${api[1]}.json`;
    return { source: withLocale(`/api/v2/${api[1]}.json`), file, href: `/${file}` };
  }
  if (params.size > 0 && !(path === '/badge.svg' && only('component'))) return undefined;
  if (path === '/badge.svg') {
    const component = params.get('component');
    if (component === null) return { source: path, file: 'badge.svg', href: '/badge.svg' };
    if (!idPattern.test(component)) return undefined;
    return { source: `/badge.svg?component=${component}`, file: `badges/${component}.svg`, href: `/badges/${component}.svg` };
  }
  if (path === '/maintenances.ics' || path === '/embed.js' || path === '/revision.json')
    return { source: path, file: path.slice(1), href: path };
  if (/^\/assets\/[\w.-]+$/.test(path)) return { source: path, file: path.slice(1), href: path };
  return undefined;
}

const unescapeAttribute = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A page of the export: every link to the site points at the export's file (in the page's language
 * unless it names another), a link the export cannot serve points at the live site, and the
 * language form (a static server ignores its query) becomes one link per language. Returns the
 * page and the export targets it links to.
 */
export function rewriteForExport(
  html: string,
  pageUrl: string,
  site: SiteLocales,
  publicUrl: string,
): { html: string; linked: StaticTarget[] } {
  const own = new URL(pageUrl, 'http://export.invalid');
  const locale = own.searchParams.get('locale') ?? site.defaultLocale;
  const origin = new URL(publicUrl).origin;
  const base = publicUrl.replace(/\/$/, '');
  const linked: StaticTarget[] = [];
  const siteRelative = (value: string): string | undefined => {
    if (value.startsWith('/') && !value.startsWith('//')) return value;
    if (value.startsWith(`${origin}/`)) return value.slice(origin.length);
    return undefined;
  };
  let out = html.replace(/\b(href|src)="([^"]*)"/g, (whole, name: string, raw: string) => {
    const relative = siteRelative(unescapeAttribute(raw));
    if (relative === undefined) return whole;
    const target = staticTarget(relative, site, locale);
    if (target === undefined) return `${name}="${escapeAttribute(base + relative)}"`;
    linked.push(target);
    return `${name}="${escapeAttribute(target.href)}"`;
  });
  // After the links above: the form's language links are already the export's.
  out = out.replace(/<form class="switcher"[\s\S]*?<\/form>/, (form) => {
    const label = /<label[^>]*>([\s\S]*?)<\/label>/.exec(form)?.[1] ?? '';
    const links = [...form.matchAll(/<option value="([^"]+)" lang="([^"]+)"[^>]*>([\s\S]*?)<\/option>/g)].map(([, value, lang, name]) => {
      own.searchParams.set('locale', value as string);
      const target = staticTarget(own.pathname + own.search, site);
      const current = value === locale ? ' aria-current="true"' : '';
      if (target !== undefined) linked.push(target);
      return target === undefined
        ? ''
        : `<a href="${escapeAttribute(target.href)}" lang="${lang}" hreflang="${lang}"${current}>${name}</a>`;
    });
    return `<nav class="switcher" aria-label="${escapeAttribute(label)}">${links.filter((l) => l !== '').join(' · ')}</nav>`;
  });
  return { html: out, linked };
}
