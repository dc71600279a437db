import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownToText } from './markdown.ts';

test('the same Markdown reads as plain text: paragraphs, list items, headings, link addresses, no marks', () => {
  const text = markdownToText(
    [
      'During **scheduled** work the _API_ went offline.',
      '',
      '### Timeline',
      '',
      '- Drives were replaced.',
      '- The app server restarted:',
      '  slowly.',
      '',
      '1. One',
      '2. Two',
      '',
      'Details on [our blog](https://blog.example.com/x) and https://example.com.',
      '',
      '`redis-cli info`',
    ].join('\n'),
  );
  assert.equal(
    text,
    [
      'During scheduled work the API went offline.',
      '',
      'Timeline',
      '',
      '- Drives were replaced.',
      '- The app server restarted:',
      '  slowly.',
      '',
      '1. One',
      '2. Two',
      '',
      'Details on our blog (https://blog.example.com/x) and https://example.com.',
      '',
      'redis-cli info',
    ].join('\n'),
  );
});
