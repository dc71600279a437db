import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildAviso, type Aviso } from '../app.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../shared/logger.ts';
import { loadExample } from '../modules/page-as-code/index.ts';
import { createTestContext, type TestContext } from '../../test/support/test-context.ts';

function text(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function inOrder(haystack: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    assert.ok(at >= 0, `"${needle}" should follow, in order, in: ${haystack.slice(from, from + 300)}`);
    from = at + needle.length;
  }
}

describe('the bundled example, as the seed page shows it', () => {
  let test_: TestContext;
  let aviso: Aviso;
  before(async () => {
    // A week after the outage, in Moscow.
    test_ = await createTestContext({ withPage: false, now: '2025-11-25T09:00:00.000Z' });
    const config = loadConfig({ AVISO_LOG_LEVEL: 'silent', AVISO_EXAMPLE: 'none' });
    aviso = await buildAviso({ config, database: test_.database, log: silentLogger, clock: test_.clock });
    await loadExample(aviso.deps.ctx, 'kinescope');
  });
  after(async () => {
    await aviso.close();
    await test_.close();
  });

  test('the home page in Moscow time: the outage on 18 Nov in the bars and the past incidents', async () => {
    const body = (await aviso.app.inject('/?locale=en')).body;
    assert.match(body, /Nov 18, 2025\nMajor outage 1 hr 32 mins\nRelated: API Service outage/);
    inOrder(text(body), [
      'All Systems Operational',
      'kinescope.io',
      'Operational',
      'Past incidents',
      'Nov 25, 2025',
      'Nov 18, 2025',
      'API Service outage',
      'Postmortem',
    ]);
    assert.doesNotMatch(body, /Latest incident:/, 'the incident is among the days listed');
  });

  test('/history in pt-BR: September to November 2025, the empty months said, "API Service outage" with its three updates', async () => {
    // Statuspage's window starts with the current month: in February, Sep–Nov is the second page.
    test_.clock.set('2026-02-15T09:00:00.000Z');
    const response = await aviso.app.inject('/history?page=2');
    assert.match(response.body, /<html lang="pt-BR" dir="ltr">/);
    const page = text(response.body);
    inOrder(page, [
      'Histórico de incidentes',
      'set.',
      'nov. de 2025',
      'novembro de 2025',
      'API Service outage',
      'Post-mortem',
      'During scheduled drive replacement',
      'Timeline & Root Cause Analysis',
      'Resolvido',
      '18 de nov. de 2025, 03:46',
      'Investigando',
      'We are currently investigating this incident.',
      '18 de nov. de 2025, 02:21',
      'outubro de 2025',
      'Nenhum incidente relatado neste mês.',
      'setembro de 2025',
      'Nenhum incidente relatado neste mês.',
    ]);
    assert.doesNotMatch(page, /Após a morte|Nenhum aviso/);
  });

  test('/uptime: 99.98% for kinescope.io in September and 99.78% for API in November', async () => {
    // November's figure once the month is over (before its end, the rest of the month has no data yet).
    test_.clock.set('2026-02-15T09:00:00.000Z');
    const english = text((await aviso.app.inject('/uptime?locale=en&page=2')).body);
    inOrder(english, [
      'Monthly uptime',
      'Sep 2025',
      'Oct 2025',
      'Nov 2025',
      'kinescope.io',
      '99.98%',
      '100.0%',
      '100.0%',
      'Dashboard',
      '100.0%',
    ]);
    inOrder(english, ['Monthly uptime', 'API', '100.0%', '100.0%', '99.78%', 'DNS']);
    assert.doesNotMatch(english, /Third Party/);
    const portuguese = text((await aviso.app.inject('/uptime?locale=pt-BR&page=2')).body);
    inOrder(portuguese, ['Disponibilidade mensal', 'kinescope.io', '99,98%', 'API', '99,78%']);
  });

  test('a year later the story is one link away from /history and /uptime, and the months are a click each', async () => {
    test_.clock.set('2026-11-29T12:00:00.000Z');
    const history = (await aviso.app.inject('/history?locale=en')).body;
    assert.match(text(history), /No incidents reported this month\./);
    const latest = /Latest incident: <a href="([^"]+)">API Service outage · <time datetime="2025-11">November 2025<\/time><\/a>/.exec(
      history,
    );
    assert.ok(latest, 'the newest incident is linked while the months on screen are empty');
    assert.equal(latest[1], '/history?page=5#m-2025-11');
    inOrder(text((await aviso.app.inject('/history?locale=en&page=5')).body), ['November 2025', 'API Service outage', 'Resolved']);
    // Every month since the first event is a link to the page that shows it.
    assert.match(history, /<a href="\/history\?page=5#m-2025-11">Nov<span class="visually-hidden"> 2025<\/span><\/a>/);
    assert.match(history, /<a href="\/history\?page=4#m-2025-12">Dec<span class="visually-hidden"> 2025<\/span><\/a>/);
    assert.match(history, /<a href="\/history#m-2026-11" aria-current="true">Nov/);

    const uptime = (await aviso.app.inject('/uptime?locale=en')).body;
    const jump = /Latest incident: <a href="([^"]+)">API Service outage/.exec(uptime);
    assert.ok(jump, 'the uptime page links to the months of the newest incident');
    const story = text((await aviso.app.inject(`${(jump[1] ?? '').replace(/#.*/, '').replace(/&amp;/g, '&')}&locale=en`)).body);
    inOrder(story, ['Monthly uptime', 'kinescope.io', '99.98%', 'API', '99.78%']);
    assert.match(uptime, /href="\/uptime\?component=[0-9a-z]{12}&amp;page=5#c-2025-11">Nov<span class="visually-hidden"> 2025/);

    // The home page lists the last days only: the newest incident, older, is linked below them.
    const home = (await aviso.app.inject('/?locale=en')).body;
    const fromHome =
      /Latest incident: <a href="(\/incidents\/[0-9a-z]{12})"><bdi>API Service outage<\/bdi>, <time datetime="2025-11-18">Nov 18, 2025<\/time><\/a>/.exec(
        home,
      );
    assert.ok(fromHome, 'the home page links to the newest incident');
    inOrder(text((await aviso.app.inject(`${fromHome[1]}?locale=en`)).body), ['API Service outage', 'Postmortem', 'Resolved']);
  });

  test('the incident page puts the postmortem first and names the affected component', async () => {
    const page = text((await aviso.app.inject('/incidents/as77hq4ugfn3?locale=en')).body);
    inOrder(page, ['API Service outage', 'This incident affected: API.', 'Postmortem', 'Resolved', 'Investigating']);
  });
});
