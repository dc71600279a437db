import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../modules/accounts/index.ts';
import { openIncident } from '../modules/incidents/index.ts';
import { localeNames } from '../i18n/negotiate-locale.ts';
import type { Locale } from '../shared/locales.ts';
import { AdminClient, createAdminTestApp, type AdminTestApp } from '../../test/support/admin-client.ts';

/**
 * A crawl of every admin screen in languages written in other scripts than English: any text
 * Aviso wrote that reads the same as on the English screen is a word left untranslated. Operator
 * data (names, addresses, URLs) and technical identifiers are the only text the two share.
 */

/** What the operator wrote in this test, names no language translates, and identifiers. */
const shared = [
  /^(Test Page|Seed|Storage upgrade|Slow API|API latency|Requests are slow\.|Encoder heartbeat|Prometheus|Encoder|Uploads pause .*|Errors on uploads|Uploads fail\.?)$/,
  // Each language is named in its own language wherever a member picks one.
  new RegExp(`^(${Object.values(localeNames).join('|').replace(/[()]/g, '\\$&')})$`),
  /^(Microsoft Teams|HTTP\(S\)|URL \(HTTP\)|A|AAAA|CNAME|MX|NS|TXT|SRV|CAA)$/,
  // Engineers of several languages say "heartbeat" for a push check, as the monitor form does in them.
  /^Heartbeat \(push\)$/,
  /@example\.com/,
  /^https?:\/\//,
  /\/(admin|api|alerts|heartbeat)\//,
  /^[\w.-]+\.(csv|js|ics)$/,
  /^(owner|admin) \d+$/,
  /^(Aviso|Kinescope|Markdown|Webhook|Slack|Teams|Discord|HTTP|HTTPS|TCP|DNS|TLS|JSON|CSV|API|SMTP|OpenID Connect|Alertmanager|Grafana|Prometheus|Statuspage|RSS|Atom|UTC|GMT[+-]?\d*|CEST|CET|ID|URL|TOTP|SSO|IANA)$/,
  /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/,
  /^[a-z_]+\.[a-z_.-]+$/, // audit action ids, job names
  /^[a-z]+(_[a-z]+)+$/, // machine names (statuses in data attributes, job names)
  /^(status|service|severity|alertname|instance)\s*=/, // alert matchers
  /^\$[.[]/, // JSON paths
  /^[A-Z0-9]{4,}$/, // codes, secrets
  /^[\w-]{20,}$/, // tokens, ids
];

/** The visible words of a screen: text nodes and the attributes people read or hear. */
function words(html: string): string[] {
  const withoutCode = html
    .replace(/<(script|style|code|pre|kbd|textarea)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<option\b[^>]*\blang="[^"]*"[^>]*>[\s\S]*?<\/option>/g, ' ') // language names, in their own language
    .replace(/<[^>]*\blang="en"[^>]*>[\s\S]*?<\/[a-z]+>/g, ' '); // text marked as English on purpose
  const found: string[] = [];
  for (const match of withoutCode.matchAll(/\b(?:title|aria-label|placeholder|alt)="([^"]+)"/g)) found.push(match[1]!);
  for (const match of withoutCode.replace(/<[^>]+>/g, '\n').split('\n')) found.push(match);
  return found
    .map((w) =>
      w
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/\s+/g, ' ')
        .trim()
        // An arrow or brackets around a name (a back link, a group) leave the name.
        .replace(/^[←→] /, '')
        .replace(/^\((.*)\)$/, '$1'),
    )
    .filter((w) => /[A-Za-z]{3,}/.test(w));
}

/** The English words of `screen` that the screen in `locale` still shows. */
function untranslated(english: string, translated: string): string[] {
  const inEnglish = new Set(words(english));
  return [...new Set(words(translated))].filter((w) => inEnglish.has(w) && !shared.some((pattern) => pattern.test(w)));
}

describe('every admin screen in the member’s language', () => {
  let app: AdminTestApp;
  let owner: AdminClient;
  const screens: string[] = [];

  before(async () => {
    app = await createAdminTestApp({ now: '2026-11-30T10:00:00Z' });
    owner = await app.signIn('owner');
    const { key } = await createApiKey(app.ctx, { name: 'Seed', scope: 'admin' });
    const api = async (path: string, body: unknown) => {
      const response = await app.aviso.app.inject({
        method: 'POST',
        url: `/api/v1${path}`,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      assert.ok(response.statusCode < 300, `${path}: ${response.statusCode} ${response.body}`);
      return response.json() as { id: string };
    };
    const component = await api('/components', { name: 'Encoder' });
    const incident = await openIncident(app.ctx, {
      name: 'Errors on uploads',
      body: 'Uploads fail.',
      components: { [component.id]: 'partial_outage' },
    });
    const maintenance = await api('/maintenances', {
      name: 'Storage upgrade',
      body: 'Uploads pause for about an hour.',
      scheduledFor: '2026-12-03T01:00:00Z',
      scheduledUntil: '2026-12-03T03:00:00Z',
      componentIds: [component.id],
      deliverNotifications: false,
    });
    const template = await api('/templates', {
      name: 'Slow API',
      title: 'API latency',
      body: 'Requests are slow.',
      updateStatus: 'identified',
    });
    const monitor = await api('/monitors', {
      name: 'Encoder heartbeat',
      kind: 'heartbeat',
      componentId: component.id,
      intervalSeconds: 300,
      settings: {},
    });
    const receiver = await api('/alert-receivers', {
      name: 'Prometheus',
      rules: [{ matchers: ['service="api"'], componentId: component.id }],
    });
    await owner.get('/admin/subscribers');
    const imported = await owner.post('/admin/subscribers/import', { csv: 'address,locale\nann@example.com,fr\n' });
    assert.ok(imported.statusCode < 400, imported.body);
    const subscriberId = /href="\/admin\/subscribers\/([\w-]+)"/.exec((await owner.get('/admin/subscribers')).body)?.[1];
    assert.ok(subscriberId, 'the imported subscriber is listed');
    const updateEdit = (path: string) =>
      owner.get(path).then((r) => /href="([^"]*\/updates\/[^"]+\/edit)"/.exec(r.body)?.[1] ?? assert.fail(`no update to edit on ${path}`));
    const paths = [
      '',
      '/incidents',
      '/incidents/new',
      `/incidents/new?template=${template.id}`,
      '/incidents/backfill',
      `/incidents/${incident.id}`,
      await updateEdit(`/admin/incidents/${incident.id}`),
      `/incidents/${incident.id}/delete`,
      '/maintenances',
      '/maintenances/new',
      `/maintenances/${maintenance.id}`,
      `/maintenances/${maintenance.id}/edit`,
      await updateEdit(`/admin/maintenances/${maintenance.id}`),
      `/maintenances/${maintenance.id}/delete`,
      '/components',
      '/components/new',
      `/components/${component.id}/edit`,
      `/components/${component.id}/delete`,
      '/groups/new',
      '/templates',
      '/templates/new',
      `/templates/${template.id}/edit`,
      `/templates/${template.id}/delete`,
      '/monitors',
      `/monitors/${monitor.id}`,
      '/alert-receivers',
      `/alert-receivers/${receiver.id}`,
      '/subscribers',
      `/subscribers/${subscriberId}`,
      '/team',
      '/api-keys',
      '/audit',
      '/jobs',
      '/settings',
      '/account',
      '/incidents/zzzzzzzzzzzz',
    ];
    screens.push(...paths.map((p) => (p.startsWith('/admin') ? p : `/admin${p}`)));
  });
  after(async () => app.close());

  const leftovers = async (client: AdminClient, locale: Locale, paths: string[]) => {
    const found: string[] = [];
    for (const path of paths) {
      const english = await client.get(path, { 'accept-language': 'en' });
      const translated = await client.get(path, { 'accept-language': locale });
      assert.equal(translated.statusCode, english.statusCode, path);
      assert.match(translated.body, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`), path);
      for (const word of untranslated(english.body, translated.body)) found.push(`${path}: ${word}`);
    }
    return found;
  };

  for (const locale of ['ja', 'ru', 'ar'] as const) {
    test(`in ${locale}, no signed-in screen shows a word of English that Aviso wrote`, async () => {
      assert.ok(screens.length > 30);
      assert.deepEqual(await leftovers(owner, locale, screens), []);
    });
  }

  test('the screens before login speak the browser’s language too', async () => {
    const visitor = new AdminClient(app.aviso);
    const paths = [
      '/admin/login',
      '/admin/forgot',
      '/admin/reset?token=expired',
      '/admin/setup?token=expired',
      '/admin/invite?token=expired',
    ];
    assert.deepEqual(await leftovers(visitor, 'ja', paths), []);
  });

  test('the check finds an English word left on a screen', () => {
    assert.deepEqual(untranslated('<h1>Incidents</h1><p>Encoder</p>', '<h1>インシデント</h1><p>Encoder</p>'), []);
    assert.deepEqual(untranslated('<button title="Post an update">x</button>', '<button title="Post an update">y</button>'), [
      'Post an update',
    ]);
  });
});
