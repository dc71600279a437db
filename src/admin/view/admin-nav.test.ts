import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';

const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

test('the bar keeps the outage-day screens and "Post incident" in view, the setup screens under More, and a Menu for phones', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const owner = await app.signIn('owner');
  const page = (await owner.get('/admin/settings')).body;

  const wide = between(page, '<nav class="main wide"', '</nav>');
  const more = between(wide, '<details class="more">', '</details>');
  const bar = wide.replace(more, '');
  for (const label of ['Dashboard', 'Incidents', 'Maintenance', 'Components']) assert.match(bar, new RegExp(`>${label}</a>`));
  for (const label of ['Monitors', 'Templates', 'Page settings', 'Team', 'API keys', 'Audit log', 'Jobs', 'Public page'])
    assert.match(more, new RegExp(`>${label}</a>`), `${label} is under More`);
  assert.match(more, /<summary class="current">More<\/summary>/, 'More shows that the current screen is in it');
  assert.match(more, /<a href="\/admin\/settings" aria-current="page">Page settings<\/a>/);

  const menu = between(page, '<details class="menu narrow">', '</details>');
  assert.match(menu, /<summary>Menu<\/summary>/);
  for (const label of ['Dashboard', 'Incidents', 'Monitors', 'Page settings', 'Jobs']) assert.match(menu, new RegExp(`>${label}</a>`));
  assert.match(menu, /<button type="submit">Log out<\/button>/);

  assert.match(page, /<a class="button post" href="\/admin\/incidents\/new">Post incident<\/a>/);
  assert.equal(page.indexOf('class="button post"') > page.indexOf('<details class="menu'), false, 'outside the Menu');
});

test('a viewer gets no "Post incident" and no screen their role cannot open', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const viewer = await app.signIn('viewer');
  const page = (await viewer.get('/admin')).body;
  assert.doesNotMatch(page, /Post incident/);
  assert.doesNotMatch(page, /href="\/admin\/settings"/);
  assert.match(page, /href="\/admin\/audit"/);
});

test('the picker script is served from Aviso itself, before login too', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const script = await app.aviso.app.inject('/admin/assets/component-picker.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /^text\/javascript/);
  assert.match(script.body, /data-picker-filter/);
});
