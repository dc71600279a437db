import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { JobWorker } from '../jobs/index.ts';
import { createComponent } from '../modules/components/index.ts';
import { openIncident, postIncidentUpdate } from '../modules/incidents/index.ts';
import { createChannels, createNotificationHandlers, type Channels } from '../modules/notifications/index.ts';
import { countSubscribers, listSubscribers, requestsPerIpPerHour } from '../modules/subscribers/index.ts';
import { createApiTestApp, type ApiTestApp } from '../../test/support/api-test-app.ts';
import { assertNoAddressIn, hostOf, internalNames, internalUrls } from '../../test/support/internal-targets.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';

describe('the public subscription pages, with a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: ApiTestApp;
  let channels: Channels;
  let worker: JobWorker;
  let publicUrl: string;

  before(async () => {
    smtp = await startSmtpSink();
  });
  after(() => smtp.close());
  beforeEach(async () => {
    smtp.received.length = 0;
    t = await createApiTestApp({ env: { AVISO_SMTP_URL: smtp.url } });
    publicUrl = t.aviso.deps.config.publicUrl;
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'status@example.test' }, outbound: t.aviso.deps.outbound });
    worker = new JobWorker({ ctx: t.ctx, handlers: createNotificationHandlers({ publicUrl, channels }) });
  });
  afterEach(async () => {
    await channels.email?.close?.();
    await t.close();
  });

  const form = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
    return body.toString();
  };
  const post = (url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
    t.aviso.app.inject({
      method: 'POST',
      url,
      payload: form(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  const pathOf = (url: string) => url.slice(publicUrl.length);

  test('subscribe from the page in German, confirm, get an update in German, and unsubscribe in one click', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const page = await t.aviso.app.inject({ url: '/subscriptions/new', headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="de" dir="ltr">/);
    assert.match(page.body, /<label for="address-email">E-Mail-Adresse<\/label>/);
    assert.match(page.body, /name="component_ids" value="[0-9a-z]{12}"/);

    const done = await post('/subscriptions', {
      channel: 'email',
      address_email: 'kim@example.com',
      address_webhook: '',
      scope: 'components',
      locale: 'de',
      component_ids: [api.id],
    });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Sehen Sie in Ihr Postfach/);
    await worker.tick();
    const [confirmation] = smtp.to('kim@example.com');
    assert.equal(confirmation?.subject, 'Bestätigen Sie Ihr Abonnement von Test Page');
    const confirmUrl = confirmation.text.match(/https?:\/\/\S+\/subscriptions\/confirm\/\S+/)![0];
    // Opening the link (as a mail scanner does) only asks; the button's POST confirms.
    const asked = await t.aviso.app.inject({ url: pathOf(confirmUrl) });
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, new RegExp(`<form method="post" action="${pathOf(confirmUrl)}">`));
    assert.doesNotMatch(asked.body, /Abonnement bestätigt/);
    assert.equal((await countSubscribers(t.ctx)).unconfirmed, 1, 'a GET confirms nothing');
    const confirmed = await post(pathOf(confirmUrl), {});
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /Abonnement bestätigt/);

    const incident = await openIncident(t.ctx, {
      name: 'API langsam',
      body: 'Wir prüfen das.',
      components: { [api.id]: 'degraded_performance' },
    });
    await worker.tick();
    const update = smtp.to('kim@example.com')[1]!;
    assert.equal(update.subject, '[Test Page] API langsam');
    assert.match(update.text, /Untersuchung - Wir prüfen das\./);
    assert.match(update.text, /- API: Eingeschränkte Leistung/);
    const oneClick = update.header('list-unsubscribe')!.slice(1, -1);
    assert.equal(update.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

    const scanned = await t.aviso.app.inject({ url: pathOf(oneClick) });
    assert.equal(scanned.statusCode, 200, 'a GET only asks');
    assert.equal((await countSubscribers(t.ctx)).active, 1);
    const unsubscribed = await post(pathOf(oneClick), { 'List-Unsubscribe': 'One-Click' });
    assert.equal(unsubscribed.statusCode, 200);
    assert.match(unsubscribed.body, /Sie haben abbestellt/);
    assert.equal((await countSubscribers(t.ctx)).unsubscribed, 1);

    await postIncidentUpdate(t.ctx, incident.id, { status: 'resolved' });
    await worker.tick();
    assert.equal(smtp.to('kim@example.com').length, 2, 'nothing after unsubscribing');
  });

  test('the manage link changes which components an address follows', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const web = await createComponent(t.ctx, { name: 'Website' });
    await post('/subscriptions', { address: 'lee@example.com', locale: 'en' });
    await worker.tick();
    const confirmUrl = smtp.to('lee@example.com')[0]!.text.match(/https?:\/\/\S+\/subscriptions\/confirm\/\S+/)![0];
    await post(pathOf(confirmUrl), {});
    await openIncident(t.ctx, { name: 'Site down', components: { [web.id]: 'major_outage' } });
    await worker.tick();
    const manageUrl = smtp.to('lee@example.com')[1]!.text.match(/https?:\/\/\S+\/subscriptions\/manage\/\S+/)![0];
    const saved = await post(pathOf(manageUrl), { component_ids: [api.id] });
    assert.equal(saved.statusCode, 303);
    const page = await t.aviso.app.inject({ url: saved.headers.location as string });
    assert.match(page.body, /Your choices are saved\./);
    assert.match(page.body, new RegExp(`value="${api.id}" checked`));
    await openIncident(t.ctx, { name: 'Site down again', components: { [web.id]: 'major_outage' } });
    await openIncident(t.ctx, { name: 'API down', components: { [api.id]: 'major_outage' } });
    await worker.tick();
    assert.deepEqual(
      smtp
        .to('lee@example.com')
        .slice(2)
        .map((m) => m.subject),
      ['[Test Page] API down'],
    );
  });

  test('the answer never tells whether an address is subscribed, bad input is shown beside the form, and one IP is limited', async () => {
    await post('/subscriptions', { address: 'known@example.com' });
    await worker.tick();
    await post(`/subscriptions/confirm/${smtp.received[0]!.text.match(/confirm\/(\S+)/)![1]}`, {});
    const known = await post('/subscriptions', { address: 'known@example.com' }, { 'x-forwarded-for': '203.0.113.1' });
    const unknown = await post('/subscriptions', { address: 'new@example.com' }, { 'x-forwarded-for': '203.0.113.1' });
    assert.equal(known.body, unknown.body);
    const bad = await post('/subscriptions', { address: 'not an address' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /role="alert"/);
    assert.match(bad.body, /must be an email address/);
    const hook = await post('/subscriptions', {
      channel: 'webhook',
      address: 'https://hooks.example.com/a',
      notify_email: 'owner@example.com',
    });
    assert.match(hook.body, /Webhook subscribed/);
    assert.match(hook.body, /<code>[A-Za-z0-9_-]{32}<\/code>/, 'a new webhook is shown its signing secret once');
    const again = await post('/subscriptions', { channel: 'webhook', address: 'https://hooks.example.com/a' });
    assert.equal(again.statusCode, hook.statusCode);
    assert.match(again.body, /Webhook subscribed/);
    assert.doesNotMatch(again.body, /<code>/, 'nobody else can read it by subscribing the same URL');
    const inward = await post('/subscriptions', { channel: 'webhook', address: 'http://169.254.169.254/latest/meta-data' });
    assert.equal(inward.statusCode, 400);
    assert.match(inward.body, /address: the address is not public/);
    const wrongLink = await t.aviso.app.inject({ url: '/subscriptions/unsubscribe/aaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' });
    assert.equal(wrongLink.statusCode, 410);
    for (let i = 0; i < requestsPerIpPerHour; i++) await post('/subscriptions', { address: `x${i}@example.com` });
    const limited = await post('/subscriptions', { address: 'one-more@example.com' });
    assert.equal(limited.statusCode, 429);
  });

  test('the subscribe page sits in the page’s layout and offers every channel, the choice of scope, the feeds and the calendar', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const page = await t.aviso.app.inject({ url: '/subscriptions/new?locale=fr' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="fr" dir="ltr">/);
    assert.match(page.headers['set-cookie'] as string, /aviso_locale=fr/, 'the switcher’s choice is remembered as on every page');
    assert.match(page.body, /<header class="masthead">[\s\S]*<a class="brand" href="\/">Test Page<\/a>/);
    assert.match(page.body, /<nav aria-label="Sections de la page d’état">/);
    assert.match(page.body, /<form class="switcher" method="get" action="\/subscriptions\/new">/);
    assert.match(page.body, /<footer class="wrap footer">/);
    assert.match(page.body, /<meta name="robots" content="noindex"\/>/);
    for (const channel of ['email', 'webhook', 'slack', 'discord', 'teams'])
      assert.match(page.body, new RegExp(`<input type="radio" name="channel" value="${channel}"`), channel);
    assert.match(page.body, /<input type="radio" name="channel" value="email" checked\/> E-mail/);
    assert.match(page.body, /<input type="radio" name="scope" value="page" checked\/> Tout ce qui figure sur cette page/);
    assert.match(page.body, /<input type="radio" name="scope" value="components"\/> Seulement les composants que je choisis/);
    assert.match(page.body, new RegExp(`<input type="checkbox" name="component_ids" value="${api.id}"`));
    assert.match(page.body, /<a href="\/history.atom" type="application\/atom\+xml">Flux Atom des incidents<\/a>/);
    assert.match(page.body, /<a href="\/history.rss" type="application\/rss\+xml">/);
    assert.match(page.body, /<a href="\/maintenances.ics" type="text\/calendar">Agenda des maintenances planifiées \(\.ics\)<\/a>/);
    // A link to one incident keeps it when the language changes.
    const incident = await openIncident(t.ctx, { name: 'Down', components: { [api.id]: 'major_outage' } });
    const forIncident = await t.aviso.app.inject(`/subscriptions/new?incident=${incident.id}`);
    assert.match(forIncident.body, new RegExp(`<input type="hidden" name="incident" value="${incident.id}"/>`));
    assert.doesNotMatch(forIncident.body, /name="scope"/, 'one incident has no scope to choose');
  });

  test('"everything" ignores ticked boxes, "chosen components" needs one, and a Slack hook is taken from the same form', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const everything = await post('/subscriptions', {
      channel: 'webhook',
      address_webhook: 'https://hooks.example.com/everything',
      address_email: 'ignored@example.com',
      scope: 'page',
      component_ids: [api.id],
    });
    assert.equal(everything.statusCode, 200);
    const none = await post('/subscriptions', {
      channel: 'webhook',
      address_webhook: 'https://hooks.example.com/none',
      scope: 'components',
      locale: 'de',
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /role="alert"/);
    assert.match(none.body, /Wählen Sie mindestens eine Komponente oder alles auf dieser Seite\./);
    assert.match(none.body, /<input type="radio" name="channel" value="webhook" checked\/>/, 'the choices come back as made');
    assert.match(none.body, /value="https:\/\/hooks.example.com\/none"/);
    assert.match(none.body, /<input type="radio" name="scope" value="components" checked\/>/);
    const slack = await post('/subscriptions', {
      channel: 'slack',
      address_slack: 'https://hooks.example.com/services/T0/B0/x',
      scope: 'components',
      component_ids: [api.id],
    });
    assert.equal(slack.statusCode, 200);
    const { subscribers } = await listSubscribers(t.ctx, { limit: 10, offset: 0 });
    const byAddress = new Map(subscribers.map((s) => [s.address, s]));
    assert.equal(byAddress.get('https://hooks.example.com/everything')?.scope, 'page');
    assert.equal(byAddress.has('https://hooks.example.com/none'), false, 'nothing stored');
    assert.equal(byAddress.has('ignored@example.com'), false, 'only the chosen channel’s field is read');
    assert.deepEqual(
      [
        byAddress.get('https://hooks.example.com/services/T0/B0/x')?.channel,
        byAddress.get('https://hooks.example.com/services/T0/B0/x')?.scope,
      ],
      ['slack', 'components'],
    );
  });

  test('the manage page is in the layout, says "everything" or "chosen", and refuses "chosen" with none', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    await post('/subscriptions', { address: 'ana@example.com', locale: 'es', scope: 'components', component_ids: [api.id] });
    await worker.tick();
    const confirmUrl = smtp.to('ana@example.com')[0]!.text.match(/https?:\/\/\S+\/subscriptions\/confirm\/\S+/)![0];
    const confirmed = await post(pathOf(confirmUrl), {});
    assert.match(confirmed.body, /<header class="masthead">/);
    await openIncident(t.ctx, { name: 'API down', components: { [api.id]: 'major_outage' } });
    await worker.tick();
    const manageUrl = smtp.to('ana@example.com')[1]!.text.match(/https?:\/\/\S+\/subscriptions\/manage\/\S+/)![0];
    const manage = await t.aviso.app.inject(pathOf(manageUrl));
    assert.match(manage.body, /<html lang="es" dir="ltr">/);
    assert.match(manage.body, /<header class="masthead">/);
    assert.match(manage.body, new RegExp(`<form class="switcher" method="get" action="${pathOf(manageUrl)}">`));
    assert.match(manage.body, /<input type="radio" name="scope" value="components" checked\/> Solo los componentes que elija/);
    const refused = await post(pathOf(manageUrl), { scope: 'components' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Elige al menos un componente, o elige todo lo de esta página\./);
    const everything = await post(pathOf(manageUrl), { scope: 'page', component_ids: [api.id] });
    assert.equal(everything.statusCode, 303);
    const after = await t.aviso.app.inject(everything.headers.location as string);
    assert.match(after.body, /<input type="radio" name="scope" value="page" checked\/>/);
    assert.doesNotMatch(after.body, new RegExp(`value="${api.id}" checked`));
  });
});

test('the public form refuses every internal form of an endpoint, with the reason beside the form and nothing saved', async () => {
  const t = await createApiTestApp({ env: { AVISO_ALLOW_PRIVATE_TARGETS: '' } });
  try {
    for (const [name, entry] of Object.entries(internalNames)) t.dns.set(name, entry);
    for (const address of internalUrls(37923)) {
      const answer = await t.aviso.app.inject({
        method: 'POST',
        url: '/subscriptions',
        payload: new URLSearchParams({ channel: 'webhook', address }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(answer.statusCode, 400, address);
      const reason = /Please check the form<\/strong>: address: ([^<]+)</.exec(answer.body)?.[1] ?? '';
      assert.match(reason, /^the address (of \S+ )?is not public$/, address);
      assertNoAddressIn(reason, { host: hostOf(address), port: 37923 });
    }
    assert.equal((await countSubscribers(t.ctx)).active, 0);
  } finally {
    await t.close();
  }
});

test("without an SMTP server the form offers no email subscription, refuses one in the reader's language, and stores nothing", async () => {
  const t = await createApiTestApp();
  try {
    const page = await t.aviso.app.inject({ url: '/subscriptions/new', headers: { 'accept-language': 'pt-BR' } });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /type="email" id="address-email"/, 'no email field to fill in for nothing');
    assert.doesNotMatch(page.body, /name="channel" value="email"/, 'email is not offered');
    assert.match(page.body, /name="channel" value="webhook" checked/, 'the first channel that works is chosen');
    assert.match(page.body, /As notificações por e-mail não estão disponíveis/);
    const incident = await t.aviso.app.inject({ url: '/subscriptions/new?incident=abcdefabcdef', headers: { 'accept-language': 'de' } });
    assert.match(incident.body, /E-Mail-Benachrichtigungen sind nicht verfügbar/);

    const refused = await t.aviso.app.inject({
      method: 'POST',
      url: '/subscriptions',
      payload: new URLSearchParams({ channel: 'email', address: 'kim@example.com', locale: 'de' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /role="alert"/);
    assert.match(refused.body, /E-Mail-Benachrichtigungen sind nicht verfügbar/);
    assert.doesNotMatch(refused.body, /Sehen Sie in Ihr Postfach/, 'no promise of a confirmation');
    const counts = await countSubscribers(t.ctx);
    assert.equal(counts.active + counts.unconfirmed, 0, 'nothing was stored');

    // A webhook needs no mail server: it is still taken.
    const hook = await t.aviso.app.inject({
      method: 'POST',
      url: '/subscriptions',
      payload: new URLSearchParams({ channel: 'webhook', address: 'https://hooks.example.com/aviso' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(hook.statusCode, 200);
  } finally {
    await t.close();
  }
});
