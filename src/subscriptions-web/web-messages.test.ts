import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLocales } from '../shared/locales.ts';
import { webMessages } from './web-messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every language has every subscription page message, with the same placeholders as English', () => {
  for (const locale of supportedLocales) {
    assert.deepEqual(Object.keys(webMessages[locale]).sort(), Object.keys(webMessages.en).sort(), locale);
    for (const [key, text] of Object.entries(webMessages.en)) {
      const translated = webMessages[locale][key as keyof typeof webMessages.en];
      assert.deepEqual(placeholders(translated), placeholders(text), `${locale}.${key}`);
    }
  }
});
