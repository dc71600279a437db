import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';
import { createPublicApp, type PublicApp } from '../../test/support/public-scenario.ts';
import { publicErrorPages } from './error-pages.tsx';

/** What a visitor reads: the text without tags, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** The frame every public page has: the page's name linking home, the sections, the switcher, the footer. */
function assertFramed(html: string) {
  assert.match(html, /<header class="masthead">[\s\S]*<a class="brand" href="\/">Test Page<\/a>/, 'header with the page name');
  assert.match(html, /<nav aria-label="[^"]+"><ul class="nav"><li><a href="\/"/, 'navigation');
  assert.match(html, /<select id="locale" name="locale">/, 'language switcher');
  assert.match(html, /<footer class="wrap footer">/, 'footer');
  assert.match(html, /<link rel="stylesheet" href="\/assets\/status\.[\w-]+\.css"/, "the page's stylesheet");
}

describe('error pages on public URLs', () => {
  let app: PublicApp;
  before(async () => {
    app = await createPublicApp();
  });
  after(() => app.close());

  test('an unknown address is a 404 in the page’s own layout, in the reader’s language', async () => {
    const response = await app.aviso.app.inject({ url: '/no-such-page', headers: { 'accept-language': 'de-DE' } });
    assert.equal(response.statusCode, 404);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.match(response.body, /<html lang="de" dir="ltr">/);
    assertFramed(response.body);
    assert.match(text(response.body), /Fehler 404 Diese Seite gibt es nicht/);
    assert.match(response.body, /<form class="switcher" method="get" action="\/no-such-page">/, 'switching language asks the same address');
  });

  test('?locale= and the cookie choose the language as on every page; Arabic is right-to-left', async () => {
    const byQuery = await app.aviso.app.inject('/history?page=999&locale=ar');
    assert.equal(byQuery.statusCode, 404);
    assert.match(byQuery.body, /<html lang="ar" dir="rtl">/);
    assert.match(text(byQuery.body), /هذه الصفحة غير موجودة/);
    const byCookie = await app.aviso.app.inject({ url: '/nothing', headers: { cookie: 'aviso_locale=ja' } });
    assert.match(text(byCookie.body), /このページは存在しません/);
  });

  test('a malformed query is a 400 page framed the same way', async () => {
    const response = await app.aviso.app.inject({ url: '/uptime?component=NOT-AN-ID', headers: { 'accept-language': 'fr' } });
    assert.equal(response.statusCode, 400);
    assertFramed(response.body);
    assert.match(text(response.body), /Erreur 400 Cette demande n’a pas pu être comprise/);
  });

  test('an expired or unknown subscription link is a 410 page in the layout', async () => {
    const response = await app.aviso.app.inject({
      url: '/subscriptions/manage/abcdefghijklmnopqrstuvwxyz',
      headers: { 'accept-language': 'es' },
    });
    assert.equal(response.statusCode, 410);
    assertFramed(response.body);
    assert.match(text(response.body), /Este enlace ya no funciona/);
  });

  test('a failure on Aviso’s side is a 5xx page with the reference to quote; the database being away, a 503', async () => {
    const page = publicErrorPages(app.appCtx, { css: '/assets/status.x.css', js: '/assets/status.x.js' });
    const request = { url: '/', headers: { 'accept-language': 'pt-BR' }, id: 'req-42' } as unknown as FastifyRequest;
    const internal = await page(new AppError('internal_error'), request);
    assert.ok(internal !== undefined);
    assertFramed(internal);
    assert.match(text(internal), /Erro 500 Algo deu errado/);
    assert.match(text(internal), /Referência: req-42/);
    const away = await page(new AppError('database_unavailable'), request);
    assert.match(text(away ?? ''), /Erro 503 Esta página está indisponível por um momento/);
  });

  test('the admin and the JSON surfaces keep their own errors', async () => {
    const admin = await app.aviso.app.inject('/admin/no-such-screen');
    assert.equal(admin.statusCode, 404);
    assert.doesNotMatch(admin.body, /class="masthead"/);
    const api = await app.aviso.app.inject('/api/v2/nothing.json');
    assert.equal(api.statusCode, 404);
    assert.match(api.headers['content-type'] as string, /application\/json/);
  });
});
