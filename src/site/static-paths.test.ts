import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rewriteForExport, staticTarget } from './static-paths.ts';

const site = { locales: ['en', 'ru', 'pt-BR'], defaultLocale: 'en' };

describe('staticTarget', () => {
  it('puts each page in a directory of its own, the language in the path', () => {
    const cases: [string, string | undefined, string, string][] = [
      ['/', undefined, 'index.html', '/'],
      ['/?locale=ru', undefined, 'ru/index.html', '/ru/'],
      ['/?locale=en', undefined, 'index.html', '/'],
      ['/history?page=2&locale=pt-BR', undefined, 'pt-BR/history/page/2/index.html', '/pt-BR/history/page/2/'],
      ['/history?page=1', undefined, 'history/index.html', '/history/'],
      ['/uptime?component=abcdefghijkl&page=3', 'ru', 'ru/uptime/abcdefghijkl/page/3/index.html', '/ru/uptime/abcdefghijkl/page/3/'],
      ['/incidents/abcdefghijkl', 'ru', 'ru/incidents/abcdefghijkl/index.html', '/ru/incidents/abcdefghijkl/'],
      ['/history.atom', 'ru', 'ru/history.atom', '/ru/history.atom'],
      ['/api/v2/incidents/unresolved', undefined, 'api/v2/incidents/unresolved.json', '/api/v2/incidents/unresolved.json'],
      ['/badge.svg?component=abcdefghijkl', 'ru', 'badges/abcdefghijkl.svg', '/badges/abcdefghijkl.svg'],
      ['/assets/status.0123abcd.css', 'ru', 'assets/status.0123abcd.css', '/assets/status.0123abcd.css'],
    ];
    for (const [url, inherit, file, href] of cases) {
      const target = staticTarget(url, site, inherit);
      assert.equal(target?.file, file, url);
      assert.equal(target?.href, href, url);
    }
  });

  it('renders a page of another language from the live URL that names it', () => {
    assert.equal(staticTarget('/history?page=2', site, 'ru')?.source, '/history?page=2&locale=ru');
    assert.equal(staticTarget('/', site, 'en')?.source, '/');
  });

  it('has no place for what needs Aviso itself or for a language the page does not have', () => {
    for (const url of ['/subscriptions/new', '/admin', '/?locale=xx', '/badge.svg?uptime=30d', '/history?page=abc', '/history?sort=x']) {
      assert.equal(staticTarget(url, site), undefined, url);
    }
  });
});

describe('rewriteForExport', () => {
  const page = [
    '<html lang="ru"><head><link rel="stylesheet" href="/assets/status.abc.css"/></head><body>',
    '<a href="/history?page=2">older</a> <a href="https://status.example.com/incidents/abcdefghijkl">it</a>',
    '<a href="/subscriptions/new">subscribe</a> <a href="https://elsewhere.example/">other</a> <a href="#main">skip</a>',
    '<form class="switcher" method="get" action="/history"><input type="hidden" name="page" value="2"/>',
    '<label for="locale">Язык</label><select id="locale" name="locale"><option value="en" lang="en">English</option>',
    '<option value="ru" lang="ru" selected>Русский</option></select><button type="submit">OK</button></form></body></html>',
  ].join('');
  const { html, linked } = rewriteForExport(page, '/history?page=2&locale=ru', site, 'https://status.example.com');

  it('points links at the export in the page language, and what it cannot hold at the live site', () => {
    assert.match(html, /href="\/ru\/history\/page\/2\/"/);
    assert.match(html, /href="\/ru\/incidents\/abcdefghijkl\/"/);
    assert.match(html, /href="\/assets\/status.abc.css"/);
    assert.match(html, /href="https:\/\/status.example.com\/subscriptions\/new"/);
    assert.match(html, /href="https:\/\/elsewhere.example\/"/);
    assert.match(html, /href="#main"/);
    assert.deepEqual(
      linked.map((t) => t.source),
      [
        '/assets/status.abc.css',
        '/history?page=2&locale=ru',
        '/incidents/abcdefghijkl?locale=ru',
        '/history?page=2',
        '/history?page=2&locale=ru',
      ],
    );
  });

  it('turns the language form into one link per language to the same page', () => {
    assert.doesNotMatch(html, /<form/);
    assert.match(
      html,
      /<nav class="switcher" aria-label="Язык"><a href="\/history\/page\/2\/" lang="en" hreflang="en">English<\/a> · <a href="\/ru\/history\/page\/2\/" lang="ru" hreflang="ru" aria-current="true">Русский<\/a><\/nav>/,
    );
  });
});
