import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext } from '../../../test/support/test-context.ts';
import { isAppError, type AppError } from '../../shared/errors.ts';
import { createReceiver, listReceivers, receiveAlerts } from '../alerts/index.ts';
import { createComponent, listComponents } from '../components/index.ts';
import { createMonitor, listMonitors, recordHeartbeat } from '../monitors/index.ts';
import { createTemplate } from '../templates/index.ts';
import { parse, stringify } from 'yaml';
import { applyPageFile, exportPageFile } from './index.ts';

async function refused(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  assert.fail('the file was accepted');
}

/** A page with an HTTP monitor (with a credential header), a heartbeat and a receiver with rules. */
async function buildAutomatedPage(t: Awaited<ReturnType<typeof createTestContext>>) {
  const api = await createComponent(t.ctx, { name: 'API' });
  const jobs = await createComponent(t.ctx, { name: 'Nightly jobs' });
  const template = await createTemplate(t.ctx, { name: 'API down', title: 'The API is unavailable', body: 'We are on it.' });
  await createMonitor(
    t.ctx,
    {
      name: 'API health',
      kind: 'http',
      componentId: api.id,
      intervalSeconds: 30,
      timeoutMs: 5000,
      autoIncident: true,
      incidentTemplateId: template.id,
      publicChart: true,
      settings: { url: 'https://api.example.test/health', headers: { Authorization: 'Bearer s3cret', Accept: 'application/json' } },
    },
    { mayAllowPrivate: false },
  );
  const heartbeat = await createMonitor(
    t.ctx,
    { name: 'Backup', kind: 'heartbeat', componentId: jobs.id, intervalSeconds: 3600 },
    { mayAllowPrivate: false },
  );
  const receiver = await createReceiver(t.ctx, {
    name: 'Prometheus',
    rules: [{ matchers: ['service="api"'], componentId: api.id, severities: { page: 'major_outage' }, autoIncident: true }],
  });
  return { api, jobs, template, pushToken: heartbeat.pushToken!, receiverToken: receiver.token! };
}

test('monitors and alert receivers round-trip through the page file: export, apply elsewhere, export the same bytes', async () => {
  const t = await createTestContext();
  const other = await createTestContext({ withPage: false });
  try {
    const built = await buildAutomatedPage(t);
    const file = await exportPageFile(t.ctx);
    assert.match(file, /monitors:/);
    assert.match(file, /alert_receivers:/);
    assert.match(file, /public_chart: true/, 'the chart shown on the page is part of the file');
    assert.doesNotMatch(file, /s3cret/, 'a credential header is not written in clear');
    assert.match(file, /Authorization: "?\(kept\)"?/);
    assert.ok(!file.includes(built.pushToken) && !file.includes(built.receiverToken), 'tokens are not written in clear');
    assert.deepEqual((await applyPageFile(t.ctx, file)).changes, [], 'the database already matches its own export');

    // Another instance (same template id, as a restored team would have) takes the file: the same URLs work there.
    await other.database.db
      .insertInto('incidentTemplates')
      .values(await t.database.db.selectFrom('incidentTemplates').selectAll().execute())
      .execute();
    const kept = await refused(applyPageFile(other.ctx, file));
    assert.match(JSON.stringify(kept.details), /no stored value to keep/, 'a kept header needs a stored value');
    const withValue = file.replace(/Authorization: "?\(kept\)"?/, 'Authorization: Bearer s3cret');
    const result = await applyPageFile(other.ctx, withValue);
    assert.ok(result.changes.some((c) => c.startsWith('add monitor "API health"')));
    assert.ok(result.changes.some((c) => c.startsWith('add alert receiver "Prometheus"')));
    assert.equal(await exportPageFile(other.ctx), file, 'the second database exports the same file');
    await recordHeartbeat(other.ctx, built.pushToken);
    const received = await receiveAlerts(other.ctx, built.receiverToken, {
      version: '4',
      alerts: [{ status: 'firing', labels: { service: 'api', severity: 'page' }, fingerprint: 'a1' }],
    });
    assert.equal(received.firing, 1, 'the receiver URL from the first database works on the second');
    const apiNow = (await listComponents(other.ctx.db)).find((c) => c.name === 'API');
    assert.equal(apiNow?.status, 'major_outage');
    const monitors = await listMonitors(other.ctx);
    const http = monitors.find((v) => v.monitor.name === 'API health')!.monitor;
    assert.deepEqual((http.settings as { headers: Record<string, string> }).headers, {
      Authorization: 'Bearer s3cret',
      Accept: 'application/json',
    });
  } finally {
    await t.close();
    await other.close();
  }
});

test('the plan shows what a changed file would do to monitors and receivers, and applying it does that', async () => {
  const t = await createTestContext();
  try {
    await buildAutomatedPage(t);
    const file = await exportPageFile(t.ctx);
    const changed = file
      .replace('interval_seconds: 30', 'interval_seconds: 45')
      .replace('name: Backup', 'name: Nightly backup')
      .replace(/service="api"/, 'service=~"api|gateway"');
    const plan = await applyPageFile(t.ctx, changed, { dryRun: true });
    assert.deepEqual(plan.applied, false);
    assert.ok(plan.changes.includes('change monitor "API health": interval_seconds'), plan.changes.join('\n'));
    assert.ok(plan.changes.includes('change monitor "Nightly backup": name'), plan.changes.join('\n'));
    assert.ok(plan.changes.includes('change alert receiver "Prometheus": rules'), plan.changes.join('\n'));
    assert.equal(await exportPageFile(t.ctx), file, 'a dry run writes nothing');
    await applyPageFile(t.ctx, changed);
    assert.equal(await exportPageFile(t.ctx), changed);

    // Left out of the file: removed, with their URLs.
    const without = changed.replace(/\nmonitors:[\s\S]*$/, '\n');
    const removal = await applyPageFile(t.ctx, without);
    assert.ok(removal.changes.some((c) => c.startsWith('remove monitor "API health"')));
    assert.ok(removal.changes.some((c) => c.startsWith('remove alert receiver "Prometheus"')));
    assert.deepEqual(await listMonitors(t.ctx), []);
    assert.deepEqual(await listReceivers(t.ctx), []);
  } finally {
    await t.close();
  }
});

test('a file with a wrong monitor or rule is refused whole, each problem with its line', async () => {
  const t = await createTestContext();
  try {
    await buildAutomatedPage(t);
    const file = await exportPageFile(t.ctx);
    const broken = file
      .replace('url: https://api.example.test/health', 'url: ftp://api.example.test/health')
      .replace(/service="api"/, 'service=api')
      .replace(/incident_template: [0-9a-z]{12}/, 'incident_template: zzzzzzzzzzzz')
      .replace(/\n( +)kind: heartbeat\n/, '\n$1kind: heartbeat\n$1public_chart: true\n');
    const error = await refused(applyPageFile(t.ctx, broken));
    assert.equal(error.code, 'page_file_invalid');
    const paths = (error.details ?? []).map((d) => `${d.path}: ${d.message}`).join('\n');
    assert.match(paths, /line \d+.*url/);
    assert.match(paths, /matchers/);
    assert.match(paths, /no incident template has the id zzzzzzzzzzzz/);
    assert.match(paths, /line \d+.*public_chart: a heartbeat has no response time/);
    assert.equal(await exportPageFile(t.ctx), file, 'nothing was written');
  } finally {
    await t.close();
  }
});

test("an HTTP monitor's JSON-path assertion round-trips through the page file; a malformed path is refused at its line", async () => {
  const t = await createTestContext();
  const other = await createTestContext({ withPage: false });
  try {
    const api = await createComponent(t.ctx, { name: 'API' });
    const jsonAssertion = { path: "$.components[0]['status']", comparison: 'not_equals', expected: 'major_outage' } as const;
    await createMonitor(
      t.ctx,
      {
        name: 'Upstream',
        kind: 'http',
        componentId: api.id,
        settings: { url: 'https://upstream.example.test/api/v2/summary.json', jsonAssertion },
      },
      { mayAllowPrivate: false },
    );
    const file = await exportPageFile(t.ctx);
    assert.match(file, /json_assertion:\n\s+comparison: not_equals\n\s+expected: major_outage\n\s+path: \$\.components\[0\]\['status'\]\n/);
    assert.deepEqual((await applyPageFile(t.ctx, file)).changes, [], 'the database already matches its own export');

    await applyPageFile(other.ctx, file);
    assert.equal(await exportPageFile(other.ctx), file, 'the second database exports the same file');
    const [copied] = await listMonitors(other.ctx);
    assert.deepEqual((copied!.monitor.settings as { jsonAssertion: unknown }).jsonAssertion, jsonAssertion);

    const edited = file.replace('expected: major_outage', 'expected: operational').replace('comparison: not_equals', 'comparison: equals');
    assert.deepEqual((await applyPageFile(other.ctx, edited)).changes, ['change monitor "Upstream": settings']);

    const broken = file.replace("path: $.components[0]['status']", 'path: $.components[*].status');
    const error = await refused(applyPageFile(other.ctx, broken));
    assert.equal(error.code, 'page_file_invalid');
    const problems = (error.details ?? []).map((d) => `${d.path}: ${d.message}`);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^line \d+: monitors\[0\]\.settings\.json_assertion\.path: is not a JSON path Aviso reads/);
    assert.equal(await exportPageFile(other.ctx), edited, 'nothing was written');
  } finally {
    await t.close();
    await other.close();
  }
});

test('one component, one writer, in either order: a file cannot mirror a monitored component, nor monitor a mirrored one', async () => {
  const t = await createTestContext();
  try {
    await buildAutomatedPage(t);
    const file = await exportPageFile(t.ctx);
    // The component the monitor and the rule move starts mirroring a third-party page.
    const mirrored = file.replace(
      /(\n {2}- id: [0-9a-z]{12}\n {4}name: API\n)/,
      '$1    third_party: { source_url: "https://status.upstream.example/", component_id: abc123 }\n',
    );
    assert.notEqual(mirrored, file);
    const error = await refused(applyPageFile(t.ctx, mirrored));
    assert.equal(error.code, 'page_file_invalid');
    const problems = (error.details ?? []).map((d) => `${d.path}: ${d.message}`).join('\n');
    assert.match(
      problems,
      /monitors\[0\]\.component: "API" follows a third-party status page, .* so the monitor "API health" cannot move it too/,
    );
    assert.match(
      problems,
      /alert_receivers\[0\]\.rules\[0\]\.component: .* so a rule of the alert receiver "Prometheus" cannot move it too/,
    );
    assert.equal(await exportPageFile(t.ctx), file, 'nothing was written');

    // The other order: a component that mirrors a page, and a file adding a monitor to it.
    await createComponent(t.ctx, { name: 'Mailgun', thirdParty: { sourceUrl: 'https://status.mailgun.example/', componentId: 'm1' } });
    const withMirror = await exportPageFile(t.ctx);
    const page = parse(withMirror) as { monitors: object[] };
    page.monitors.push({ name: 'SMTP', kind: 'tcp', component: 'Mailgun', settings: { host: 'smtp.example.test', port: 25 } });
    const second = await refused(applyPageFile(t.ctx, stringify(page)));
    assert.match(
      JSON.stringify(second.details),
      /monitors\[2\]\.component: \\"Mailgun\\" follows a third-party status page, .* so the monitor \\"SMTP\\" cannot move it too/,
    );
    assert.equal(await exportPageFile(t.ctx), withMirror, 'nothing was written');
  } finally {
    await t.close();
  }
});
