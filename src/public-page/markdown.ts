import MarkdownIt from 'markdown-it';

// Operators' Markdown, with raw HTML off so a body can never inject markup or script.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const defaultLinkOpen =
  markdown.renderer.rules['link_open'] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * HTML for text an operator wrote (incident updates, postmortems). Its headings are moved down to
 * start at `headingLevel` (the top one written takes it), so "## Root cause" keeps the page's outline in order.
 */
export function renderMarkdown(source: string, headingLevel = 2): string {
  const tokens = markdown.parse(source, {});
  const headings = tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
  const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
  for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) - top + headingLevel)}`;
  return markdown.renderer.render(tokens, markdown.options, {});
}
