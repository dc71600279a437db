import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword, type AdminTestApp } from '../../test/support/admin-client.ts';
import { createUser } from '../modules/accounts/index.ts';
import { updatePageSettings } from '../modules/page/index.ts';

const policy = (answer: { headers: Record<string, unknown> }) => String(answer.headers['content-security-policy'] ?? '');

/** Every script of a page is a file of Aviso's (`<script src>`), and no element carries an event handler. */
function assertNoInlineScript(html: string, where: string): void {
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\ssrc="\/[^"]+"/, `${where}: ${tag}`);
  assert.doesNotMatch(html, /<[^>]+\son[a-z]+=/i, `${where} has an inline event handler`);
  assert.doesNotMatch(html, /(href|src|action)="\s*javascript:/i, `${where} has a javascript: URL`);
}

describe('a strict Content-Security-Policy and the other security headers', () => {
  let t: AdminTestApp;
  let owner: AdminClient;
  before(async () => {
    t = await createAdminTestApp();
    await createUser(t.ctx, { email: 'owner@example.com', name: 'Owner', password: testPassword, role: 'owner' });
    owner = new AdminClient(t.aviso);
    await owner.login('owner@example.com', testPassword);
  });
  after(() => t.close());

  test('public pages, subscription pages, admin screens and error pages allow only their own scripts and are never framed', async () => {
    const pages = [
      await t.aviso.app.inject({ url: '/' }),
      await t.aviso.app.inject({ url: '/history' }),
      await t.aviso.app.inject({ url: '/uptime' }),
      await t.aviso.app.inject({ url: '/subscriptions/new' }),
      await t.aviso.app.inject({ url: '/docs/webhooks' }),
      await t.aviso.app.inject({ url: '/no-such-page' }),
      await t.aviso.app.inject({ url: '/admin/login' }),
      await owner.get('/admin'),
      await owner.get('/admin/settings'),
    ];
    for (const page of pages) {
      const where = `${page.statusCode} ${page.raw.req.url}`;
      assert.match(page.headers['content-type'] as string, /^text\/html/, where);
      const csp = policy(page);
      assert.match(csp, /(^|; )default-src 'none'(;|$)/, where);
      assert.match(csp, /(^|; )script-src 'self'(;|$)/, where);
      assert.match(csp, /(^|; )frame-ancestors 'none'(;|$)/, where);
      assert.match(csp, /(^|; )base-uri 'none'(;|$)/, where);
      assert.match(csp, /(^|; )form-action 'self'(;|$)/, where);
      assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/, where);
      assert.equal(page.headers['x-frame-options'], 'DENY', where);
      assert.equal(page.headers['x-content-type-options'], 'nosniff', where);
      assertNoInlineScript(page.body, where);
    }
  });

  test('the subscription pages keep their own no-referrer policy; other answers get the default', async () => {
    const subscribe = await t.aviso.app.inject({ url: '/subscriptions/new' });
    assert.equal(subscribe.headers['referrer-policy'], 'no-referrer');
    const home = await t.aviso.app.inject({ url: '/' });
    assert.equal(home.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  test('the public page may be framed only by the sites the operator names; the admin never', async () => {
    await updatePageSettings(t.aviso.deps.ctx, {
      settings: { frameAncestors: ['https://intranet.example.com', 'http://wall.example.org:8080'] },
    });
    const home = await t.aviso.app.inject({ url: '/' });
    assert.match(policy(home), /frame-ancestors https:\/\/intranet\.example\.com http:\/\/wall\.example\.org:8080(;|$)/);
    assert.equal(home.headers['x-frame-options'], undefined);
    const admin = await owner.get('/admin');
    assert.match(policy(admin), /frame-ancestors 'none'/);
    const form = await t.aviso.app.inject({ url: '/subscriptions/new' });
    assert.match(policy(form), /frame-ancestors 'none'/, 'the subscribe form is not framed (clickjacking)');
    await assert.rejects(
      updatePageSettings(t.aviso.deps.ctx, { settings: { frameAncestors: ['https://example.com/path'] } }),
      /must be an origin/,
    );
    await assert.rejects(updatePageSettings(t.aviso.deps.ctx, { settings: { frameAncestors: ["'self' *"] } }), /must be an origin/);
    await updatePageSettings(t.aviso.deps.ctx, { settings: {} });
    assert.match(policy(await t.aviso.app.inject({ url: '/' })), /frame-ancestors 'none'/);
  });

  test('the settings screen edits the sites that may frame the page', async () => {
    const form = await owner.get('/admin/settings');
    assert.match(form.body, /name="frameAncestors"/);
    const fields: Record<string, string | string[]> = { name: 'Test Page', timeZone: 'Etc/UTC', defaultLocale: 'en', locales: ['en'] };
    const wrong = await owner.post('/admin/settings', { ...fields, frameAncestors: 'intranet' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /must be an origin like https:\/\/example\.com/i);
    await owner.get('/admin/settings');
    const saved = await owner.post('/admin/settings', { ...fields, frameAncestors: 'https://intranet.example.com' });
    assert.equal(saved.statusCode, 303);
    assert.match(policy(await t.aviso.app.inject({ url: '/' })), /frame-ancestors https:\/\/intranet\.example\.com(;|$)/);
  });

  test('links and images people click or load accept only http(s): no javascript:, data: or vbscript: URLs', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'JavaScript:alert(1)']) {
      for (const settings of [
        { logoUrl: url },
        { faviconUrl: url },
        { homepageUrl: url },
        { supportUrl: url },
        { footerLinks: [{ label: 'x', url }] },
      ]) {
        await assert.rejects(
          updatePageSettings(t.aviso.deps.ctx, { settings }),
          /must be an http:\/\/ or https:\/\/ address/,
          `${JSON.stringify(settings)}`,
        );
      }
      await assert.rejects(updatePageSettings(t.aviso.deps.ctx, { url }), /must be an http:\/\/ or https:\/\/ address/);
    }
  });

  test('HSTS is sent only over TLS, as the trusted proxy reports it', async () => {
    assert.equal((await t.aviso.app.inject({ url: '/' })).headers['strict-transport-security'], undefined);
    const spoofed = await t.aviso.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(spoofed.headers['strict-transport-security'], undefined, 'a stranger cannot switch it on');
    const proxied = await createAdminTestApp({ env: { AVISO_TRUST_PROXY: '127.0.0.1' } });
    try {
      const tls = await proxied.aviso.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(tls.headers['strict-transport-security'], 'max-age=31536000');
    } finally {
      await proxied.close();
    }
  });
});
