import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildJobs } from '../../app-jobs.ts';
import { JobWorker } from '../../jobs/index.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { buildTestAviso } from '../../../test/support/test-aviso.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startSmtpSink } from '../../../test/support/smtp-sink.ts';
import { startHttpReceiver } from '../../../test/support/http-receiver.ts';
import { startUpstreamStatuspage } from '../../../test/support/upstream-statuspage.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createComponent, listStatusChanges, type Component } from '../components/index.ts';
import { createChannels, type Channels } from '../notifications/index.ts';
import { addSubscriber } from '../subscribers/index.ts';

const terraformCloud = '7cgbxrw10wgr';

/** The list item of one component on the page, as visitors read it (tags dropped). */
function componentItem(html: string, name: string): string {
  const items = html
    .split('<li class="component')
    .filter((item) => item.includes(`<span class="component-name" dir="auto">${name}</span>`));
  assert.equal(items.length, 1, `the page lists ${name} once`);
  return items[0]!;
}
const text = (html: string) =>
  html
    .replace(/<title>[^<]*<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('a third-party component mirrors its source, as visitors see it', () => {
  let t: TestContext;
  let app: Awaited<ReturnType<typeof buildTestAviso>>;
  let upstream: Awaited<ReturnType<typeof startUpstreamStatuspage>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hooks: Awaited<ReturnType<typeof startHttpReceiver>>;
  let outbound: Outbound;
  let channels: Channels;
  let worker: JobWorker;
  let mirrored: Component;

  before(async () => {
    t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
    app = await buildTestAviso(t);
    upstream = await startUpstreamStatuspage();
    smtp = await startSmtpSink();
    hooks = await startHttpReceiver();
    outbound = createTestOutbound();
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'Test Page <status@example.test>' }, outbound });
    const jobs = buildJobs({ notifications: { publicUrl: 'http://127.0.0.1', channels }, thirdParty: { outbound, random: () => 0.5 } });
    worker = new JobWorker({ ctx: app.aviso.deps.ctx, handlers: jobs.handlers, recurring: jobs.recurring });
    mirrored = await createComponent(app.aviso.deps.ctx, {
      name: 'Terraform Cloud',
      thirdParty: { sourceUrl: upstream.base, componentId: terraformCloud },
    });
    await createComponent(app.aviso.deps.ctx, { name: 'Our API' });
    await addSubscriber(t.ctx, { address: 'ops@example.com', skipConfirmation: true }, outbound);
    await addSubscriber(t.ctx, { channel: 'webhook', address: `${hooks.base}/hook` }, outbound);
  });

  after(async () => {
    await channels?.email?.close?.();
    await outbound?.close();
    await hooks?.close();
    await smtp?.close();
    await upstream?.close();
    await app?.close();
    await t?.close();
  });

  const get = async (url: string) => {
    const response = await app.aviso.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, url);
    return response.body;
  };
  const apiStatus = async () => {
    const body = JSON.parse(await get('/api/v2/components.json')) as { components: { id: string; status: string }[] };
    return body.components.find((c) => c.id === mirrored.id)?.status;
  };
  /** One interval of the worker: the clock moves, due jobs run (the poll, then the notifications it caused). */
  const interval = async (ms = 60_000) => {
    t.clock.advance(ms);
    await worker.tick();
    await worker.tick();
  };

  test('a change upstream is on the page and in /api/v2/components.json within one interval, with its history and bars; no email', async () => {
    await worker.tick();
    assert.equal(upstream.polls().length, 1);
    assert.equal(await apiStatus(), 'degraded_performance', 'the captured page shows it degraded');

    upstream.setStatus(terraformCloud, 'major_outage');
    await interval();
    assert.equal(upstream.polls().length, 2, 'one request per interval');
    assert.equal(await apiStatus(), 'major_outage');
    assert.match(text(componentItem(await get('/'), 'Terraform Cloud')), /Terraform Cloud Major outage/);
    t.clock.advance(9 * 60_000);
    upstream.setStatus(terraformCloud, 'partial_outage');
    await interval();
    assert.match(
      text(componentItem(await get('/'), 'Terraform Cloud')),
      /Partial outage 90 days ago 98.63% uptime .* Nov 20, 2025 : Major outage 10 mins · Degraded performance 1 min/,
      "today's bar counts the mirrored outage like any other",
    );
    assert.deepEqual(
      (await listStatusChanges(t.ctx.db, mirrored.id)).map((c) => [c.status, c.cause]),
      [
        ['operational', 'manual'],
        ['degraded_performance', 'third_party'],
        ['major_outage', 'third_party'],
        ['partial_outage', 'third_party'],
      ],
    );
    assert.equal(smtp.received.length, 0, 'email subscribers never hear of a mirrored change');
    assert.deepEqual(
      hooks.to('/hook').map((r) => (JSON.parse(r.body) as { component_update: { new_status: string } }).component_update.new_status),
      ['degraded_performance', 'major_outage', 'partial_outage'],
      'component webhooks do',
    );
  });

  test('the source going away shows "unknown" in every language, not operational; the banner stays honest; it recovers', async () => {
    upstream.setStatus(terraformCloud, 'operational');
    await interval();
    assert.equal(await apiStatus(), 'operational');
    upstream.goAway();
    await interval(60_000);
    await interval(60_000);
    assert.doesNotMatch(text(componentItem(await get('/'), 'Terraform Cloud')), /unknown/, 'two missed polls are not yet unknown');
    await interval(120_000);

    const expected: Record<string, RegExp> = {
      en: /Status unknown since Nov 20, 2025/,
      de: /Status unbekannt seit/,
      fr: /Statut inconnu depuis/,
      es: /Estado desconocido desde/,
      'pt-BR': /Status desconhecido desde/,
      ru: /Статус неизвестен с/,
    };
    for (const [locale, pattern] of Object.entries(expected)) {
      const page = await get(`/?locale=${locale}`);
      const item = text(componentItem(page, 'Terraform Cloud'));
      assert.match(item, pattern, locale);
      assert.doesNotMatch(item, /Operational|Betriebsbereit|Opérationnel|Operativo|Operacional|Работает/, `${locale}: not shown as up`);
    }
    const page = text(await get('/?locale=en'));
    assert.match(page, /All Systems Operational The status of 1 third-party component could not be read\./);

    upstream.comeBack();
    await interval(240_000);
    const item = text(componentItem(await get('/'), 'Terraform Cloud'));
    assert.match(item, /Operational/);
    assert.doesNotMatch(await get('/'), /could not be read/);
    assert.equal(smtp.received.length, 0);
  });
});
