import { t } from '../i18n/translate.ts';
import { escapeXml, type Feed } from './feed-entries.ts';

/** RFC 822 dates, as RSS 2.0 requires (`Thu, 20 Nov 2025 12:00:00 GMT`). */
export function rssTime(date: Date): string {
  return date.toUTCString();
}

/** `/history.rss` (RSS 2.0): the same entries as the Atom feed. */
export function renderRss(feed: Feed): string {
  const base = feed.page.url.replace(/\/+$/, '');
  const x = escapeXml;
  const items = feed.entries.map(
    (e) => `    <item>
      <title>${x(e.title)}</title>
      <description>${x(e.html)}</description>
      <pubDate>${rssTime(e.updated)}</pubDate>
      <link>${x(e.link)}</link>
      <guid isPermaLink="true">${x(e.link)}</guid>
    </item>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${x(t(feed.locale, 'feed.title', { page: feed.page.name }))}</title>
    <link>${x(base)}</link>
    <description>${x(t(feed.locale, 'feed.title', { page: feed.page.name }))}</description>
    <language>${feed.locale === 'en' ? 'en-us' : feed.locale.toLowerCase()}</language>
    <lastBuildDate>${rssTime(feed.updated)}</lastBuildDate>
    <atom:link href="${x(base)}/history.rss" rel="self" type="application/rss+xml"/>
${items.join('')}  </channel>
</rss>
`;
}
