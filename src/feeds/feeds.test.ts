import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { openIncident } from '../modules/incidents/index.ts';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../test/support/public-scenario.ts';
import { statuspageFixture } from '../../test/support/fixtures.ts';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'entry' || name === 'item' || name === 'link',
});
const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** RFC 4287's required elements, checked the same way on real Statuspage feeds and on Aviso's. */
function atomEntries(body: string): Record<string, any>[] {
  assert.equal(XMLValidator.validate(body), true);
  const { feed } = xml.parse(body);
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.match(feed.id, /^tag:[^,]+,2005:\/history$/);
  assert.ok(feed.title.length > 0);
  assert.match(feed.updated, rfc3339);
  assert.ok(feed.author.name.length > 0);
  for (const entry of feed.entry) {
    assert.match(entry.id, /^tag:[^,]+,2005:Incident\/\w+$/);
    assert.ok(String(entry.title).length > 0);
    assert.match(entry.updated, rfc3339);
    assert.match(entry.link[0]['@href'], /\/incidents\/[0-9a-z]{12}$/);
    assert.equal(entry.content['@type'], 'html');
    assert.match(entry.content['#text'], /^<p>\s?<small>/);
  }
  return feed.entry;
}

describe('the Atom checks hold real Statuspage feeds', () => {
  for (const name of ['redis_history_2021-12-26.atom', 'githubstatus_history_2022-06-11.atom', 'githubstatus_history_2026-08-22.atom']) {
    it(name, () => {
      const body = statuspageFixture(name);
      assert.ok(atomEntries(body).length > 0);
    });
  }
});

describe('history feeds', () => {
  let app: PublicApp;
  let s: Scenario;
  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
  });
  after(() => app.close());
  const get = (url: string) => app.aviso.app.inject({ method: 'GET', url });

  it('/history.atom is well-formed Atom with every element RFC 4287 requires', async () => {
    const response = await get('/history.atom');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const entries = atomEntries(response.body);
    assert.equal(entries.length, 6);
    const { feed } = xml.parse(response.body);
    assert.equal(feed.id, 'tag:127.0.0.1,2005:/history');
    assert.equal(feed.title, 'Test Page Status - Incident History');
    assert.equal(feed.author.name, 'Test Page');
    assert.ok(feed.link.some((l: Record<string, string>) => l['@rel'] === 'self' && l['@href'] === 'http://127.0.0.1/history.atom'));
    for (const entry of entries) {
      assert.match(entry['id'], /^tag:127\.0\.0\.1,2005:Incident\/[0-9a-z]{12}$/);
      assert.match(entry['link'][0]['@href'], /^http:\/\/127\.0\.0\.1\/incidents\/[0-9a-z]{12}$/);
    }
  });

  it("reproduces Statuspage's entry layout: one paragraph per update, newest first, labels including Update", async () => {
    const feed = await new Parser().parseString((await get('/history.atom')).body);
    const incident = feed.items.find((i) => i.link?.endsWith(s.activeIncident.id));
    assert.ok(incident?.content);
    assert.equal(
      incident.content,
      "<p><small>Nov <var data-var='date'>20</var>, <var data-var='time'>11:40</var> UTC</small><br><strong>Update</strong> - The fix is rolling out region by region.</p>" +
        "<p><small>Nov <var data-var='date'>20</var>, <var data-var='time'>10:20</var> UTC</small><br><strong>Identified</strong> - A slow query; a fix is being deployed.</p>" +
        "<p><small>Nov <var data-var='date'>20</var>, <var data-var='time'>10:00</var> UTC</small><br><strong>Investigating</strong> - We are currently investigating this issue.</p>",
    );
    // Escaped as Statuspage escapes it, byte for byte.
    assert.ok(
      (await get('/history.atom')).body.includes(
        "&lt;p&gt;&lt;small&gt;Nov &lt;var data-var='date'&gt;20&lt;/var&gt;, &lt;var data-var='time'&gt;11:40&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Update&lt;/strong&gt; - ",
      ),
    );
    const maintenance = feed.items.find((i) => i.link?.endsWith(s.completedMaintenance.id));
    assert.match(maintenance?.content ?? '', /<strong>Completed<\/strong>.*<strong>In progress<\/strong>.*<strong>Scheduled<\/strong>/);
    assert.match(maintenance?.content ?? '', /<var data-var='date'>10<\/var>/);
  });

  it('puts a published postmortem first in its entry, rendered from Markdown', async () => {
    const feed = await new Parser().parseString((await get('/history.atom')).body);
    const past = feed.items.find((i) => i.link?.endsWith(s.pastIncident.id));
    assert.match(
      past?.content ?? '',
      /^<p><small>Nov <var data-var='date'>19<\/var>, <var data-var='time'>11:00<\/var> UTC<\/small><br><strong>Postmortem<\/strong><\/p><h2>What happened<\/h2>/,
    );
    assert.match(past?.content ?? '', /<strong>Resolved<\/strong> - Requests succeed again\./);
  });

  it('orders entries by latest activity, newest first', async () => {
    const feed = await new Parser().parseString((await get('/history.atom')).body);
    const times = feed.items.map((i) => Date.parse(i.isoDate ?? ''));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.ok(feed.items[0]!.link?.endsWith(s.upcomingMaintenance.id));
  });

  it('/history.rss is RSS 2.0 with the channel and item elements readers need', async () => {
    const response = await get('/history.rss');
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.equal(XMLValidator.validate(response.body), true);
    const { rss } = xml.parse(response.body);
    assert.equal(rss['@version'], '2.0');
    assert.equal(rss.channel.title, 'Test Page Status - Incident History');
    assert.equal(rss.channel.link[0], 'http://127.0.0.1');
    assert.ok(rss.channel.description.length > 0);
    assert.match(rss.channel.lastBuildDate, rfc822);
    for (const item of rss.channel.item) {
      assert.match(item.pubDate, rfc822);
      assert.match(item.guid['#text'], /^http:\/\/127\.0\.0\.1\/incidents\/[0-9a-z]{12}$/);
    }
    const feed = await new Parser().parseString(response.body);
    assert.equal(feed.items.length, 6);
    const incident = feed.items.find((i) => i.guid?.endsWith(s.activeIncident.id));
    assert.equal(incident?.title, 'Slow dashboard');
    assert.match(incident?.content ?? '', /^<p><small>Nov <var data-var='date'>20<\/var>/);
    assert.equal(incident?.pubDate, 'Thu, 20 Nov 2025 11:40:00 GMT');
  });

  it('escapes what operators write', async () => {
    app.clock.set('2025-11-20T12:10:00.000Z');
    await openIncident(app.appCtx, { name: 'Errors on <admin> & "billing"', body: 'Watch <script>alert(1)</script> & wait' });
    const body = (await get('/history.atom')).body;
    assert.equal(XMLValidator.validate(body), true);
    const feed = await new Parser().parseString(body);
    assert.equal(feed.items[0]!.title, 'Errors on <admin> & "billing"');
    assert.match(feed.items[0]!.content ?? '', /Watch &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; wait/);
  });

  it('renders an update written in Markdown as the page shows it, not as raw marks', async () => {
    app.clock.set('2025-11-20T12:20:00.000Z');
    await openIncident(app.appCtx, { name: 'Markdown body', body: 'Fixed by **rolling back**; see [the runbook](https://acme.test/rb).' });
    app.clock.set('2025-11-20T12:30:00.000Z');
    await openIncident(app.appCtx, { name: 'Listed steps', body: 'Next steps:\n\n- drain the queue\n- restart workers' });
    const feed = await new Parser().parseString((await get('/history.atom')).body);
    const inline = feed.items.find((i) => i.title === 'Markdown body')?.content ?? '';
    assert.match(
      inline,
      /<strong>Investigating<\/strong> - Fixed by <strong>rolling back<\/strong>; see <a href="https:\/\/acme\.test\/rb" rel="nofollow noopener">the runbook<\/a>\.<\/p>$/,
    );
    assert.doesNotMatch(inline, /\*\*/);
    const blocks = feed.items.find((i) => i.title === 'Listed steps')?.content ?? '';
    assert.match(
      blocks,
      /<strong>Investigating<\/strong><\/p><p>Next steps:<\/p>\s*<ul>\s*<li>drain the queue<\/li>\s*<li>restart workers<\/li>/,
    );
  });

  for (const [timeZone, expected] of [
    ['America/Chicago', "Jan <var data-var='date'> 9</var>, <var data-var='time'>09:04</var> CST"],
    ['Europe/Berlin', "Jan <var data-var='date'> 9</var>, <var data-var='time'>16:04</var> CET"],
  ] as const) {
    it(`shows times in the page time zone with its abbreviation (${timeZone})`, async () => {
      const other = await createPublicApp({ timeZone });
      try {
        other.clock.set('2025-01-09T15:04:00.000Z');
        await openIncident(other.appCtx, { name: 'Late', body: 'x' });
        const feed = await new Parser().parseString((await other.aviso.app.inject('/history.atom')).body);
        assert.ok(feed.items[0]!.content?.startsWith(`<p><small>${expected}</small>`), feed.items[0]!.content);
      } finally {
        await other.close();
      }
    });
  }
});
