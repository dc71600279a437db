import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { getIncident, openIncident, postIncidentUpdate } from '../../modules/incidents/index.ts';

const written = 'Rolled back **the deploy**.\n\n- queue drained\n- <script>alert(1)</script>';

test('"Preview" on an update shows the Markdown as visitors will see it, keeps the text and posts nothing', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const incident = await openIncident(app.ctx, { name: 'Elevated API errors' });
  const editor = await app.signIn('editor');
  await editor.get(`/admin/incidents/${incident.id}`);

  const previewed = await editor.post(`/admin/incidents/${incident.id}/updates`, {
    status: 'identified',
    body: written,
    intent: 'preview',
  });
  assert.equal(previewed.statusCode, 200);
  const preview = /<section class="preview"[^>]*>([\s\S]*?)<\/section>/.exec(previewed.body)?.[1] ?? '';
  assert.match(preview, /Rolled back <strong>the deploy<\/strong>\./);
  assert.match(preview, /<li>queue drained<\/li>/);
  assert.match(preview, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'raw HTML stays text, as on the public page');
  assert.match(previewed.body, /<textarea[^>]*name="body"[^>]*>Rolled back \*\*the deploy\*\*\./, 'the typed text is kept');
  assert.match(previewed.body, /<option value="identified" selected/);
  assert.equal((await getIncident(app.ctx, incident.id)).updates.length, 1, 'nothing was posted');

  const posted = await editor.post(`/admin/incidents/${incident.id}/updates`, { status: 'identified', body: written });
  assert.equal(posted.statusCode, 303);
  const list = (await editor.get(`/admin/incidents/${incident.id}`)).body;
  assert.match(
    list,
    /<div class="markdown" dir="auto"><p>Rolled back <strong>the deploy<\/strong>\.<\/p>/,
    'the list of updates renders Markdown',
  );
});

test('a postmortem and a maintenance update are previewed the same way', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:00:00.000Z' });
  t.after(() => app.close());
  const incident = await openIncident(app.ctx, { name: 'Outage' });
  await postIncidentUpdate(app.ctx, incident.id, { status: 'resolved' });
  const editor = await app.signIn('editor');
  await editor.get(`/admin/incidents/${incident.id}`);
  const postmortem = await editor.post(`/admin/incidents/${incident.id}/postmortem`, {
    body: '# Root cause\n\nA _full_ disk.',
    intent: 'preview',
  });
  assert.equal(postmortem.statusCode, 200);
  assert.match(postmortem.body, /<h3>Root cause<\/h3>\s*<p>A <em>full<\/em> disk\.<\/p>/, "headings start at the incident page's level");
  assert.equal((await getIncident(app.ctx, incident.id)).postmortem.draft, null, 'no draft was saved');

  const created = await editor.post('/admin/maintenances', {
    name: 'Database upgrade',
    scheduledFor: '2025-11-21T10:00',
    scheduledUntil: '2025-11-21T11:00',
  });
  assert.equal(created.statusCode, 303);
  const maintenance = String(created.headers.location).split('?')[0]!;
  await editor.get(maintenance);
  const update = await editor.post(`${maintenance}/updates`, { status: 'scheduled', body: 'Now **30 minutes**.', intent: 'preview' });
  assert.equal(update.statusCode, 200);
  assert.match(update.body, /Now <strong>30 minutes<\/strong>\./);
});

test('the live preview renders a fragment for members who post, and refuses others and requests without the CSRF token', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  await editor.get('/admin');
  const fragment = await editor.post('/admin/markdown/preview', { source: written });
  assert.equal(fragment.statusCode, 200);
  assert.match(fragment.headers['content-type'] as string, /^text\/html/);
  assert.match(fragment.body, /^<div class="markdown" dir="auto"><p>Rolled back <strong>the deploy<\/strong>\.<\/p>/);
  assert.doesNotMatch(fragment.body, /<script>/);
  assert.match((await editor.post('/admin/markdown/preview', { source: '  ' })).body, /Nothing written yet/);
  assert.equal((await editor.post('/admin/markdown/preview', { source: 'x', _csrf: 'forged' })).statusCode, 403);

  const viewer = await app.signIn('viewer');
  await viewer.get('/admin');
  assert.equal((await viewer.post('/admin/markdown/preview', { source: 'x' })).statusCode, 403);
});
