import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { JobWorker } from '../jobs/index.ts';
import { openIncident, postIncidentUpdate, scheduleMaintenance } from '../modules/incidents/index.ts';
import { createChannels, createNotificationHandlers, type Channels } from '../modules/notifications/index.ts';
import { confirmSubscription, subscribe } from '../modules/subscribers/index.ts';
import type { Locale } from '../shared/locales.ts';
import { createPublicApp, type PublicApp } from '../../test/support/public-scenario.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';
import { embedMessages } from '../embed/embed-messages.ts';
import { catalogs } from './translate.ts';

/**
 * The example page read in each language after updates posted with empty messages: every public
 * page, the feeds, the badges, the widget's words and the emails a subscriber receives. No sentence
 * Aviso wrote may be left in English. Operators' text (the example's incident, postmortem and names, which
 * Kinescope wrote in English) is theirs and is shown as written.
 */
const readers: Locale[] = ['pt-BR', 'es', 'ru', 'de', 'fr', 'ar', 'ja'];
const operatorText = readFileSync(new URL('../../examples/kinescope.yaml', import.meta.url), 'utf8');
const posted = ['Player outage', 'Drive replacement', 'Database upgrade'];
const isOperatorText = (text: string) => operatorText.includes(text) || posted.some((p) => p.includes(text) || text.includes(p));

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
}

/** The literal runs of an English message, the words between its placeholders. */
function literals(message: string): string[] {
  const found: string[] = [];
  const walk = (nodes: AstNode[]) => {
    for (const node of nodes) {
      if (node.type === 0 && node.value !== undefined) found.push(...node.value.split(/\s*[·•|]\s*/));
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst() as unknown as AstNode[]);
  return found.map((s) => s.trim()).filter((s) => /\p{L}+\s+\p{L}+/u.test(s));
}

/** English phrases of the catalogue that the reader's catalogue does not also use (loanwords like "Webhook" are fine). */
function englishPhrases(locale: Locale): string[] {
  const theirs = Object.values(catalogs[locale]).join('\n');
  const phrases = Object.values(catalogs.en).flatMap(literals);
  return [...new Set(phrases)].filter((p) => !theirs.includes(p) && !isOperatorText(p));
}

const functionWords = new Set(
  'the and is are we this has been of to your you be for with from at by our any there not it that currently please here will'.split(' '),
);

/** A run of text that reads as English: three or more of its everyday small words. */
function readsAsEnglish(text: string): boolean {
  const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u));
  return [...functionWords].filter((w) => words.has(w)).length >= 3;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (entities[name] ?? whole),
  );

/** The runs of text a reader sees or hears in an HTML or XML document: text nodes and the attributes read aloud. */
function textRuns(markup: string): string[] {
  const runs: string[] = [];
  const withoutCode = markup.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ');
  for (const match of withoutCode.matchAll(/\s(?:aria-label|title|alt|placeholder|content)="([^"]*)"/g)) runs.push(decode(match[1]!));
  for (const node of withoutCode.split(/<[^>]*>/)) {
    const text = decode(node).trim();
    if (text === '') continue;
    // Feeds carry HTML escaped inside XML: read it as HTML too.
    if (/<\w/.test(text)) runs.push(...textRuns(text));
    else runs.push(...text.split(/\n+/));
  }
  // A feed writes "<strong>Label</strong> - text": the dash is layout, not part of the text.
  return runs.map((r) => r.replace(/^[\s\-–—:·]+/, '').trim()).filter((r) => r !== '');
}

interface Document {
  where: string;
  runs: string[];
}

function englishIn(documents: Document[], locale: Locale): string[] {
  const phrases = englishPhrases(locale);
  const found = new Set<string>();
  for (const { where, runs } of documents) {
    for (const run of runs) {
      if (isOperatorText(run)) continue;
      for (const phrase of phrases) if (run.includes(phrase)) found.add(`${where}: "${phrase}" in "${run}"`);
      if (readsAsEnglish(run)) found.add(`${where}: "${run}"`);
    }
  }
  return [...found];
}

describe('the example page in every language after updates with empty messages: no English that Aviso wrote', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: PublicApp;
  let channels: Channels;
  let worker: JobWorker;
  const publicUrl = 'http://127.0.0.1';
  const eventIds: string[] = [];
  const reader = (locale: Locale) => `reader-${locale.toLowerCase()}@example.com`;

  before(async () => {
    smtp = await startSmtpSink();
    app = await createPublicApp({ example: 'kinescope', now: '2025-11-20T12:00:00.000Z' });
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'status@example.test' }, outbound: app.aviso.deps.outbound });
    worker = new JobWorker({ ctx: app.appCtx, handlers: createNotificationHandlers({ publicUrl, channels }) });
    for (const [index, locale] of readers.entries()) {
      await subscribe(app.appCtx, { address: reader(locale), locale }, { ip: `192.0.2.${index + 1}` }, app.aviso.deps.outbound);
    }
    await worker.tick();
    for (const locale of readers) {
      const link = smtp.to(reader(locale))[0]?.text.match(/\/subscriptions\/confirm\/(\S+)/)?.[1];
      assert.ok(link, `a confirmation reached the ${locale} reader`);
      await confirmSubscription(app.appCtx, link);
    }

    // Every status of an incident and a maintenance, each posted without a message, and the reminder.
    const player = 'ad6k3nn2wchj';
    const incident = await openIncident(app.appCtx, { name: 'Player outage', components: { [player]: 'major_outage' } });
    for (const status of ['identified', 'monitoring'] as const) await postIncidentUpdate(app.appCtx, incident.id, { status });
    const past = await openIncident(app.appCtx, { name: 'Database upgrade', startedAt: new Date('2025-11-20T08:00:00.000Z') });
    await postIncidentUpdate(app.appCtx, past.id, { status: 'resolved' });
    const window = (fromHours: number, hours: number) => ({
      scheduledFor: new Date(Date.parse('2025-11-20T12:00:00.000Z') + fromHours * 3_600_000),
      scheduledUntil: new Date(Date.parse('2025-11-20T12:00:00.000Z') + (fromHours + hours) * 3_600_000),
    });
    const upcoming = await scheduleMaintenance(app.appCtx, { name: 'Drive replacement', ...window(1, 2), componentIds: [player] });
    await postIncidentUpdate(
      app.appCtx,
      upcoming.id,
      { status: 'scheduled' },
      { generatedBody: { key: 'reminder', params: { minutes: 60 } } },
    );
    const running = await scheduleMaintenance(app.appCtx, { name: 'Database upgrade', ...window(-1, 3) });
    for (const status of ['in_progress', 'verifying'] as const) await postIncidentUpdate(app.appCtx, running.id, { status });
    const done = await scheduleMaintenance(app.appCtx, { name: 'Drive replacement', ...window(-3, 1) });
    await postIncidentUpdate(app.appCtx, done.id, { status: 'completed' });
    eventIds.push(incident.id, past.id, upcoming.id, running.id, done.id, 'as77hq4ugfn3');
    await worker.tick();
  });
  after(async () => {
    await channels.email?.close?.();
    await app.close();
    await smtp.close();
  });

  const get = async (url: string) => {
    const response = await app.aviso.app.inject({ url });
    return response.body;
  };

  for (const locale of readers) {
    test(`${locale}: pages, feeds, the widget and the emails`, async () => {
      const q = `locale=${encodeURIComponent(locale)}`;
      const paths = [
        '/',
        '/history',
        '/uptime',
        '/subscriptions/new',
        '/incidents/aaaaaaaaaaaa',
        ...eventIds.map((id) => `/incidents/${id}`),
        '/history.atom',
        '/history.rss',
      ];
      const documents: Document[] = [];
      for (const path of paths) documents.push({ where: path, runs: textRuns(await get(`${path}?${q}`)) });
      for (const badge of ['/badge.svg?uptime=90d', '/badge.svg?component=ad6k3nn2wchj&uptime=30d'])
        documents.push({ where: badge, runs: textRuns(await get(`${badge}&lang=${encodeURIComponent(locale)}`)) });
      documents.push({ where: 'widget', runs: Object.values(embedMessages(locale)) });

      const mails = smtp.to(reader(locale));
      assert.ok(mails.length >= 6, `the ${locale} reader received the confirmation and the updates (${mails.length})`);
      for (const mail of mails)
        documents.push({ where: `email "${mail.subject}"`, runs: [mail.subject, ...mail.text.split(/\n+/), ...textRuns(mail.html)] });
      const manage = mails[1]!.text.match(/\/subscriptions\/manage\/\S+/)?.[0];
      const unsubscribe = mails[1]!.text.match(/\/subscriptions\/unsubscribe\/\S+/)?.[0];
      for (const path of [manage, unsubscribe]) if (path !== undefined) documents.push({ where: path, runs: textRuns(await get(path)) });

      assert.deepEqual(englishIn(documents, locale), []);
      // Time zones are named as people read them, never as an IANA id ("Europe/Moscow").
      const zoneIds = documents.flatMap(({ where, runs }) =>
        runs.filter((r) => /\b(Europe|America|Asia|Africa|Etc)\/[A-Z]/.test(r)).map((r) => `${where}: ${r}`),
      );
      assert.deepEqual(zoneIds, []);
    });
  }

  test('every Arabic page and email is marked right to left, every Japanese one left to right', async () => {
    for (const [locale, dir] of [
      ['ar', 'rtl'],
      ['ja', 'ltr'],
    ] as const) {
      for (const path of ['/', '/history', '/uptime', '/subscriptions/new', `/incidents/${eventIds[0]}`, '/incidents/aaaaaaaaaaaa'])
        assert.match(await get(`${path}?locale=${locale}`), new RegExp(`<html lang="${locale}" dir="${dir}">`), `${locale} ${path}`);
      for (const mail of smtp.to(reader(locale))) assert.match(mail.html, new RegExp(`<html lang="${locale}" dir="${dir}">`), mail.subject);
    }
    assert.match(await get('/?locale=ar'), /الأوقات معروضة وفق توقيت موسكو الرسمي \(غرينتش\+3\)\./);
    assert.match(await get('/?locale=ja'), /時刻はモスクワ標準時 \(GMT\+3\)で表示しています。/);
  });

  test("the footer names the zone in the reader's language, with its offset", async () => {
    assert.match(await get('/?locale=pt-BR'), /Os horários seguem o Horário Padrão de Moscou \(GMT\+3\)\./);
    assert.match(await get('/history?locale=fr'), /Heures affichées en heure normale de Moscou \(UTC\+3\)\./);
  });

  test("the APIs word Aviso's sentences in the page's default language; ?locale= (the widget's) asks for another", async () => {
    const body = async (url: string) =>
      (JSON.parse(await get(url)) as { incidents: { name: string; incident_updates: { body: string }[] }[] }).incidents.find(
        (i) => i.name === 'Player outage',
      )!.incident_updates;
    assert.equal((await body('/api/v2/summary.json')).map((u) => u.body).includes('Estamos investigando o problema.'), true);
    assert.equal((await body('/api/v2/summary.json?locale=de')).map((u) => u.body).includes('Wir untersuchen das Problem derzeit.'), true);
    assert.equal(
      (await body('/api/v2/incidents.json?locale=en')).map((u) => u.body).includes('We are currently investigating this issue.'),
      true,
    );
    assert.equal((await body('/api/v2/summary.json?locale=xx')).map((u) => u.body).includes('Estamos investigando o problema.'), true);
  });

  test('the check finds English: the same crawl in English finds the standard sentences', async () => {
    const documents = [{ where: '/incidents', runs: textRuns(await get(`/incidents/${eventIds[0]}?locale=en`)) }];
    const found = englishIn(documents, 'pt-BR');
    assert.ok(
      found.some((f) => f.includes('We are currently investigating this issue.')),
      found.join('\n'),
    );
  });
});
