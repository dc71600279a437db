import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import { startSmtpSink, subscribeConfirmed } from '../../../test/support/smtp-sink.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { JobWorker } from '../../jobs/index.ts';
import { openIncident } from '../incidents/index.ts';
import { createChannels, createNotificationHandlers, type Channels } from '../notifications/index.ts';
import { applyPageFile, exportPageFile } from '../page-as-code/index.ts';
import { updatePageSettings } from '../page/index.ts';
import { createComponent, createComponentGroup, findComponent, updateComponent, updateComponentGroup } from './index.ts';

describe('component and group translations', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await updatePageSettings(t.ctx, { defaultLocale: 'en', locales: ['en', 'pt-BR', 'ar'] });
  });
  afterEach(() => t.close());

  test('are added, changed text by text and removed; a language the page lacks, or its default one, is refused and changes nothing', async () => {
    const api = await createComponent(t.ctx, {
      name: 'Payments API',
      description: 'Card and bank payments',
      translations: { 'pt-BR': { name: 'API de pagamentos', description: 'Pagamentos com cartão e boleto' } },
    });
    assert.deepEqual(api.translations, { 'pt-BR': { name: 'API de pagamentos', description: 'Pagamentos com cartão e boleto' } });

    await updateComponent(t.ctx, api.id, { translations: { 'pt-BR': { name: 'API de Pagamentos' }, ar: { name: 'واجهة الدفع' } } });
    let stored = (await findComponent(t.ctx.db, api.id))!;
    assert.deepEqual(stored.translations, {
      'pt-BR': { name: 'API de Pagamentos', description: 'Pagamentos com cartão e boleto' },
      ar: { name: 'واجهة الدفع' },
    });
    await updateComponent(t.ctx, api.id, { translations: { ar: { name: '' } } });
    stored = (await findComponent(t.ctx.db, api.id))!;
    assert.deepEqual(Object.keys(stored.translations), ['pt-BR'], 'a language left with no text is removed');

    for (const [locale, wanted] of [
      ['fr', /must be one of the page's other languages: pt-BR, ar/],
      ['en', /en is the page's default language/],
    ] as const) {
      await assert.rejects(
        updateComponent(t.ctx, api.id, { name: 'Renamed', translations: { [locale]: { name: 'x' } } }),
        (error: Error) => {
          assert.equal((error as { code?: string }).code, 'validation_failed');
          assert.match(error.message, wanted);
          return true;
        },
      );
    }
    assert.deepEqual(await findComponent(t.ctx.db, api.id), stored, 'a refused change changes nothing');

    const group = await createComponentGroup(t.ctx, {
      name: 'Payments',
      componentIds: [api.id],
      translations: { 'pt-BR': { name: 'Pagamentos' } },
    });
    await updateComponentGroup(t.ctx, group.id, { translations: { ar: { name: 'المدفوعات' } } });
    assert.deepEqual((await findComponent(t.ctx.db, group.id))!.translations, {
      'pt-BR': { name: 'Pagamentos' },
      ar: { name: 'المدفوعات' },
    });
  });

  test('round-trip through the page file, and a file translating into the default language is refused', async () => {
    const api = await createComponent(t.ctx, { name: 'Payments API', translations: { 'pt-BR': { name: 'API de pagamentos' } } });
    await createComponentGroup(t.ctx, { name: 'Payments', componentIds: [api.id], translations: { ar: { description: 'كل المدفوعات' } } });
    const file = await exportPageFile(t.ctx);
    assert.match(file, /translations:\n\s+pt-BR:\n\s+name: API de pagamentos/);

    const other = await createTestContext({ withPage: false });
    try {
      await applyPageFile(other.ctx, file);
      assert.deepEqual((await findComponent(other.ctx.db, api.id))!.translations, { 'pt-BR': { name: 'API de pagamentos' } });
      assert.equal(await exportPageFile(other.ctx), file);
      assert.deepEqual((await applyPageFile(other.ctx, file)).changes, [], 'applying it again changes nothing');
      const renamed = await applyPageFile(other.ctx, file.replace('name: API de pagamentos', 'name: API de cobrança'));
      assert.equal(renamed.changes.length, 1);
      assert.equal((await findComponent(other.ctx.db, api.id))!.translations['pt-BR']?.name, 'API de cobrança');
      await assert.rejects(applyPageFile(other.ctx, file.replace('pt-BR:\n', 'en:\n')), (error: Error) => {
        assert.match(error.message, /en is the page's default language/);
        return true;
      });
      assert.equal((await findComponent(other.ctx.db, api.id))!.translations['pt-BR']?.name, 'API de cobrança');
    } finally {
      await other.close();
    }
  });
});

describe('a page in English with components translated into Portuguese', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: ApiTestApp;
  let channels: Channels;
  let worker: JobWorker;
  let apiId: string;
  before(async () => {
    smtp = await startSmtpSink();
    app = await createApiTestApp();
    await updatePageSettings(app.ctx, { defaultLocale: 'en', locales: ['en', 'pt-BR'] });
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'status@example.test' }, outbound: app.aviso.deps.outbound });
    worker = new JobWorker({ ctx: app.ctx, handlers: createNotificationHandlers({ publicUrl: 'http://127.0.0.1', channels }) });
    const created = await app.aviso.app.inject({
      method: 'POST',
      url: '/api/v1/components',
      headers: { authorization: `Bearer ${app.writeKey}` },
      payload: {
        name: 'Checkout',
        description: 'Where customers pay',
        translations: { 'pt-BR': { name: 'Finalização da compra', description: 'Onde os clientes pagam' } },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    apiId = created.json().id;
    await subscribeConfirmed(app.ctx, { address: 'leitor@example.com', locale: 'pt-BR' }, app.aviso.deps.outbound, smtp, () =>
      worker.tick(),
    );
  });
  after(async () => {
    await channels.email?.close?.();
    await app.close();
    await smtp.close();
  });

  const get = async (url: string) => (await app.aviso.app.inject({ url })).body;

  test('visitors, subscribers and API clients reading Portuguese get the translated names; everyone else the English ones', async () => {
    const incident = await openIncident(app.ctx, {
      name: 'Payments failing',
      body: 'Card payments fail.',
      components: { [apiId]: 'major_outage' },
    });
    await worker.tick();

    const home = await get('/?locale=pt-BR');
    assert.match(home, /Finalização da compra/);
    assert.match(home, /Onde os clientes pagam/);
    assert.doesNotMatch(home, /Checkout|Where customers pay/);
    const english = await get('/?locale=en');
    assert.match(english, /Checkout/);
    assert.doesNotMatch(english, /Finalização da compra/);

    assert.match(await get(`/incidents/${incident.id}?locale=pt-BR`), /Finalização da compra/, 'the affected components, in Portuguese');
    assert.match(await get(`/incidents/${incident.id}?locale=en`), /Checkout/);
    assert.match(await get('/uptime?locale=pt-BR'), /Finalização da compra/);
    assert.match(await get('/subscriptions/new?locale=pt-BR'), /Finalização da compra/);

    const summary = async (query: string) =>
      (JSON.parse(await get(`/api/v2/summary.json${query}`)) as { components: { name: string }[] }).components.map((c) => c.name);
    assert.deepEqual(await summary(''), ['Checkout'], "the page's default language, as Statuspage answers");
    assert.deepEqual(await summary('?locale=pt-BR'), ['Finalização da compra']);
    const affected = async (query: string) =>
      (
        JSON.parse(await get(`/api/v2/incidents.json${query}`)) as {
          incidents: { incident_updates: { affected_components: { name: string }[] | null }[] }[];
        }
      ).incidents[0]!.incident_updates.flatMap((u) => (u.affected_components ?? []).map((c) => c.name));
    assert.deepEqual(await affected(''), ['Checkout'], 'as the update recorded it');
    assert.deepEqual(await affected('?locale=pt-BR'), ['Finalização da compra'], 'the affected component, in Portuguese');

    const mail = smtp.to('leitor@example.com').at(-1)!;
    assert.match(mail.text, /Finalização da compra/, 'the email lists the component in the subscriber’s language');
    assert.doesNotMatch(mail.text, /Checkout/);
  });
});

test('the admin edits translations in the page’s other languages, each field in its own language', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await updatePageSettings(app.ctx, { defaultLocale: 'en', locales: ['en', 'pt-BR', 'ar'] });
  const api = await createComponent(app.ctx, { name: 'API' });
  const admin = await app.signIn('admin');
  const form = await admin.get(`/admin/components/${api.id}/edit`);
  assert.match(form.body, /<summary>\s*Translations \(optional\)/);
  assert.match(form.body, /name="translations\.ar\.name"[^>]*lang="ar"[^>]*dir="auto"/);
  assert.doesNotMatch(form.body, /translations\.en\./, 'no field for the default language: that is the name itself');

  const saved = await admin.post(`/admin/components/${api.id}`, {
    name: 'API',
    status: 'operational',
    'translations.pt-BR.name': 'API pública',
    'translations.pt-BR.description': '',
    'translations.ar.name': 'الواجهة البرمجية',
    'translations.ar.description': '',
  });
  assert.equal(saved.statusCode, 303);
  assert.deepEqual((await findComponent(app.ctx.db, api.id))!.translations, {
    'pt-BR': { name: 'API pública' },
    ar: { name: 'الواجهة البرمجية' },
  });
  const again = await admin.get(`/admin/components/${api.id}/edit`);
  assert.match(again.body, /<summary>\s*Translations \(Português \(Brasil\), العربية\)/);
  assert.match(again.body, /value="API pública"/);
});
