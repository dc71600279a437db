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

/**
 * Readable plain text for the same Markdown (an email's text part): paragraphs apart, list items
 * as "- " lines (numbered ones keep their numbers), headings on their own line, a link's address
 * after its text unless the text is the address, code as written, emphasis marks dropped.
 */
export function markdownToText(source: string): string {
  const tokens = markdown.parse(source, {});
  // Each block with the outermost list it belongs to (0 for none): items of one list, nested ones
  // included, stay on consecutive lines.
  const blocks: { text: string; list: number }[] = [];
  const lists: { ordered: boolean; next: number; id: number }[] = [];
  let listCount = 0;
  let prefix = '';
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1), id: ++listCount });
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      lists.pop();
    } else if (token.type === 'list_item_open') {
      const list = lists[lists.length - 1]!;
      prefix = `${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.next++}.` : '-'} `;
    } else if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      const indent = ' '.repeat(prefix.length);
      const list = lists[0]?.id ?? 0;
      blocks.push({ text: prefix === '' ? text : prefix + text.replace(/\n/g, `\n${indent}`), list });
      prefix = '';
    } else if (token.type === 'fence' || token.type === 'code_block') {
      blocks.push({ text: token.content.replace(/\n$/, ''), list: 0 });
    } else if (token.type === 'hr') {
      blocks.push({ text: '---', list: 0 });
    }
  }
  return blocks
    .map((block, i) => (i === 0 ? '' : block.list !== 0 && block.list === blocks[i - 1]!.list ? '\n' : '\n\n') + block.text)
    .join('')
    .trim();
}

function inlineText(children: ReturnType<typeof markdown.parseInline>[number]['children'] & object): string {
  let out = '';
  let href: string | null = null;
  let linkText = '';
  for (const child of children) {
    if (child.type === 'link_open') {
      href = String(child.attrGet('href') ?? '');
      linkText = '';
    } else if (child.type === 'link_close') {
      out += href !== null && linkText !== href && `mailto:${linkText}` !== href ? `${linkText} (${href})` : linkText;
      href = null;
    } else {
      // An image reads as its description.
      const text = child.type === 'softbreak' || child.type === 'hardbreak' ? '\n' : child.content;
      if (href !== null) linkText += text;
      else out += text;
    }
  }
  return out;
}
