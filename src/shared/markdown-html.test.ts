import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from './markdown.ts';

describe('operators’ Markdown', () => {
  test('raw HTML is shown as text, never as markup', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;/);
  });
  test('javascript: links are not made into links', () => {
    assert.doesNotMatch(renderMarkdown('[click](javascript:alert(1))'), /href="javascript/);
  });
  test('lists, emphasis and links render; links do not pass ranking', () => {
    const html = renderMarkdown('**Timeline**\n\n- one\n- two\n\nSee https://example.com');
    assert.match(html, /<strong>Timeline<\/strong>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<a href="https:\/\/example.com" rel="nofollow noopener">/);
  });
  test('headings start at the level the page gives them', () => {
    assert.match(renderMarkdown('# Root cause\n\n### Detail', 4), /<h4>Root cause<\/h4>[\s\S]*<h6>Detail<\/h6>/);
    assert.match(renderMarkdown('## Timeline\n\n### Resolution', 3), /<h3>Timeline<\/h3>[\s\S]*<h4>Resolution<\/h4>/);
  });
});
