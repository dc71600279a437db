import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { JobWorker } from '../../jobs/index.ts';
import { createChannels, createNotificationHandlers, type Channels } from '../notifications/index.ts';
import { applyPageFile, exportPageFile } from '../page-as-code/index.ts';
import { updatePageSettings } from '../page/index.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { startSmtpSink, subscribeConfirmed } from '../../../test/support/smtp-sink.ts';
import { getIncident, openIncident, postIncidentUpdate, publishPostmortem, savePostmortemDraft, translateIncident } from './index.ts';

describe('translateIncident', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await updatePageSettings(t.ctx, { defaultLocale: 'pt-BR', locales: ['pt-BR', 'en', 'de'] });
  });
  afterEach(() => t.close());

  test('adds, changes and removes a translation; refuses a language the page lacks, its default one, or an unknown update', async () => {
    const incident = await openIncident(t.ctx, { name: 'API fora do ar', body: 'Investigando erros 500.' });
    const update = incident.updates[0]!;
    await translateIncident(t.ctx, incident.id, 'en', { name: 'API down', updates: { [update.id]: 'Looking into 500 errors.' } });
    let stored = await getIncident(t.ctx, incident.id);
    assert.deepEqual(stored.translations, { en: { name: 'API down', updates: { [update.id]: 'Looking into 500 errors.' } } });
    assert.equal(stored.name, 'API fora do ar', 'the text as posted stays as it was');
    await translateIncident(t.ctx, incident.id, 'en', { name: '' });
    stored = await getIncident(t.ctx, incident.id);
    assert.deepEqual(stored.translations, { en: { updates: { [update.id]: 'Looking into 500 errors.' } } });

    await assert.rejects(translateIncident(t.ctx, incident.id, 'fr', { name: 'Panne' }), { code: 'validation_failed' });
    await assert.rejects(translateIncident(t.ctx, incident.id, 'pt-BR', { name: 'x' }), { code: 'incident_transition_invalid' });
    await assert.rejects(translateIncident(t.ctx, incident.id, 'en', { updates: { aaaaaaaaaaaa: 'x' } }), {
      code: 'incident_update_not_found',
    });
    assert.deepEqual((await getIncident(t.ctx, incident.id)).translations, stored.translations, 'a refused change changes nothing');
  });

  test('translations round-trip through the page file: exported, applied elsewhere, changed by a file', async () => {
    const incident = await openIncident(t.ctx, { name: 'API fora do ar', body: 'Investigando erros 500.' });
    const update = incident.updates[0]!;
    await translateIncident(t.ctx, incident.id, 'en', { name: 'API down', updates: { [update.id]: 'Looking into 500 errors.' } });
    const file = await exportPageFile(t.ctx);
    assert.match(file, /translations:\n\s+en:\n\s+name: API down/);

    const other = await createTestContext({ withPage: false });
    try {
      await applyPageFile(other.ctx, file);
      assert.deepEqual((await getIncident(other.ctx, incident.id)).translations, {
        en: { name: 'API down', updates: { [update.id]: 'Looking into 500 errors.' } },
      });
      assert.equal(await exportPageFile(other.ctx), file);
      assert.deepEqual((await applyPageFile(other.ctx, file)).changes, [], 'applying it again changes nothing');
      const changed = await applyPageFile(other.ctx, file.replace('name: API down', 'name: API unavailable'));
      assert.equal(changed.changes.length, 1);
      assert.equal((await getIncident(other.ctx, incident.id)).translations?.en?.name, 'API unavailable');
    } finally {
      await other.close();
    }
  });
});

describe('an incident posted in pt-BR with an English translation', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: ApiTestApp;
  let channels: Channels;
  let worker: JobWorker;
  before(async () => {
    smtp = await startSmtpSink();
    app = await createApiTestApp();
    await updatePageSettings(app.ctx, { defaultLocale: 'pt-BR', locales: ['pt-BR', 'en', 'de'] });
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'status@example.test' }, outbound: app.aviso.deps.outbound });
    worker = new JobWorker({ ctx: app.ctx, handlers: createNotificationHandlers({ publicUrl: 'http://127.0.0.1', channels }) });
    for (const [index, locale] of (['en', 'de'] as const).entries()) {
      const reader = { address: `${locale}@example.com`, locale, ip: `192.0.2.${index + 1}` };
      await subscribeConfirmed(app.ctx, reader, app.aviso.deps.outbound, smtp, () => worker.tick());
    }
  });
  after(async () => {
    await channels.email?.close?.();
    await app.close();
    await smtp.close();
  });

  test('reads in English for an en visitor, subscriber and API client asking for it, in Portuguese for everyone else', async () => {
    const opened = await openIncident(app.ctx, {
      name: 'Pagamentos falhando',
      body: 'Pagamentos com cartão falham.',
      deliverNotifications: false,
    });
    const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
      app.aviso.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${app.writeKey}` },
        ...(payload !== undefined && { payload }),
      });
    const translated = await call('PUT', `/api/v1/incidents/${opened.id}/translations/en`, {
      name: 'Payments failing',
      updates: { [opened.updates[0]!.id]: 'Card payments fail.' },
    });
    assert.equal(translated.statusCode, 200);
    assert.equal(translated.json().translations.en.name, 'Payments failing');
    app.clock.advance(20 * 60_000);
    const resolved = await postIncidentUpdate(app.ctx, opened.id, { status: 'resolved', body: 'Pagamentos normalizados.' });
    await translateIncident(app.ctx, opened.id, 'en', { updates: { [resolved.updates[0]!.id]: 'Payments work again.' } });
    await savePostmortemDraft(app.ctx, opened.id, { body: 'Um certificado expirou.' });
    await publishPostmortem(app.ctx, opened.id, { notifySubscribers: true });
    await translateIncident(app.ctx, opened.id, 'en', { postmortem: 'A certificate expired.' });

    // Visitors.
    const page = async (locale: string) => (await app.aviso.app.inject({ url: `/incidents/${opened.id}?locale=${locale}` })).body;
    const english = await page('en');
    assert.match(english, /<h1 class="incident-name" dir="auto">Payments failing<\/h1>/);
    assert.match(english, /Card payments fail\./);
    assert.match(english, /Payments work again\./);
    assert.match(english, /A certificate expired\./);
    assert.doesNotMatch(english, /Pagamentos/);
    for (const other of ['pt-BR', 'de']) {
      const text = await page(other);
      assert.match(text, /<h1 class="incident-name" dir="auto">Pagamentos falhando<\/h1>/, other);
      assert.match(text, /Pagamentos com cartão falham\./, other);
      assert.match(text, /Um certificado expirou\./, other);
    }
    const history = (await app.aviso.app.inject({ url: '/history.atom?locale=en' })).body;
    assert.match(history, /<title>Payments failing<\/title>/);

    // API clients: the page's default language, English when asked for.
    const names = async (url: string) =>
      ((await app.aviso.app.inject({ url })).json() as { incidents: { name: string; incident_updates: { body: string }[] }[] }).incidents;
    assert.equal((await names('/api/v2/incidents.json'))[0]?.name, 'Pagamentos falhando');
    const asked = (await names('/api/v2/incidents.json?locale=en'))[0]!;
    assert.equal(asked.name, 'Payments failing');
    assert.deepEqual(
      asked.incident_updates.map((u) => u.body),
      ['Payments work again.', 'Card payments fail.'],
    );

    // Subscribers: the postmortem in their language, or as posted.
    await worker.tick();
    const mails = (address: string) => smtp.to(address).slice(1);
    assert.deepEqual(
      mails('en@example.com').map((m) => m.subject),
      ['[Test Page] Payments failing', '[Test Page] Postmortem: Payments failing'],
    );
    assert.match(mails('en@example.com')[0]!.text, /Resolved - Payments work again\./);
    assert.match(mails('en@example.com')[1]!.text, /A certificate expired\./);
    assert.deepEqual(
      mails('de@example.com').map((m) => m.subject),
      ['[Test Page] Pagamentos falhando', '[Test Page] Post-Mortem: Pagamentos falhando'],
    );
    const de = mails('de@example.com')[1];
    assert.match(de!.text, /Um certificado expirou\./);
  });
});
