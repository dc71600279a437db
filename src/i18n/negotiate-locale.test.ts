import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { supportedLocales } from '../shared/locales.ts';
import { canonicalLocale, negotiateLocale, parseAcceptLanguage } from './negotiate-locale.ts';

const enabled = [...supportedLocales];

describe('the visitor’s language', () => {
  test('the query wins over the cookie, the header and the default', () => {
    assert.deepEqual(negotiateLocale({ query: 'de', cookie: 'fr', acceptLanguage: 'ru', enabled, fallback: 'en' }), {
      locale: 'de',
      source: 'query',
    });
  });
  test('then the switcher’s cookie', () => {
    assert.deepEqual(negotiateLocale({ cookie: 'pt-br', acceptLanguage: 'ru', enabled, fallback: 'en' }), {
      locale: 'pt-BR',
      source: 'cookie',
    });
  });
  test('then Accept-Language by quality, matching a language to its regional variant', () => {
    assert.deepEqual(negotiateLocale({ acceptLanguage: 'ko;q=0.9, pt-PT;q=0.8, es;q=0.5', enabled, fallback: 'en' }), {
      locale: 'pt-BR',
      source: 'header',
    });
    assert.deepEqual(negotiateLocale({ acceptLanguage: 'en-GB,en;q=0.9', enabled, fallback: 'ru' }), { locale: 'en', source: 'header' });
    assert.deepEqual(negotiateLocale({ acceptLanguage: 'ar-EG,ar;q=0.9,en;q=0.5', enabled, fallback: 'en' }), {
      locale: 'ar',
      source: 'header',
    });
    assert.deepEqual(negotiateLocale({ acceptLanguage: 'ja-JP', enabled, fallback: 'en' }), { locale: 'ja', source: 'header' });
  });
  test('then the page default', () => {
    assert.deepEqual(negotiateLocale({ acceptLanguage: 'ko, zh;q=0.5', enabled, fallback: 'fr' }), { locale: 'fr', source: 'default' });
  });
  test('only the page’s enabled locales are chosen', () => {
    assert.deepEqual(negotiateLocale({ query: 'ru', cookie: 'de', acceptLanguage: 'fr', enabled: ['en', 'es'], fallback: 'es' }), {
      locale: 'es',
      source: 'default',
    });
  });
  test('ranges refused with q=0 are ignored', () => {
    assert.deepEqual(parseAcceptLanguage('de;q=0, fr;q=0.3, es'), ['es', 'fr']);
  });
  test('locale tags are recognised in any case', () => {
    assert.equal(canonicalLocale('PT-br'), 'pt-BR');
    assert.equal(canonicalLocale('pt'), undefined);
  });
});
