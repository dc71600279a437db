import { t } from '../i18n/translate.ts';
import { escapeXml, type Feed } from './feed-entries.ts';

/** RFC 3339 at second precision in UTC, as Statuspage's feeds write it. */
export function atomTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `/history.atom` (RFC 4287), laid out as Statuspage's. */
export function renderAtom(feed: Feed): string {
  const base = feed.page.url.replace(/\/+$/, '');
  const x = escapeXml;
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>tag:${x(feed.host)},2005:Incident/${x(e.id)}</id>
    <published>${atomTime(e.updated)}</published>
    <updated>${atomTime(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${x(e.link)}"/>
    <title>${x(e.title)}</title>
    <content type="html">${x(e.html)}</content>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xml:lang="${feed.locale === 'en' ? 'en-US' : feed.locale}" xmlns="http://www.w3.org/2005/Atom">
  <id>tag:${x(feed.host)},2005:/history</id>
  <link rel="alternate" type="text/html" href="${x(base)}"/>
  <link rel="self" type="application/atom+xml" href="${x(base)}/history.atom"/>
  <title>${x(t(feed.locale, 'feed.title', { page: feed.page.name }))}</title>
  <updated>${atomTime(feed.updated)}</updated>
  <author>
    <name>${x(feed.page.name)}</name>
  </author>
${entries.join('')}</feed>
`;
}
