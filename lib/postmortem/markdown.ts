import MarkdownIt from 'markdown-it';

/**
 * The one Markdown renderer for post-mortem sections, used by the server page and by the live
 * preview in the browser (so both show exactly the same thing). Raw HTML is escaped (html: false),
 * and links and images may only point at http(s), mailto or relative URLs: anything else
 * (javascript:, data:, vbscript:, file: ...) is left as plain text.
 */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed);
  return scheme ? ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase()) : true;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.validateLink = isSafeLink;

// Links open normally but never hand the opener or the referrer to another site.
const defaultLinkOpen = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) token.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen ? defaultLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

/** Markdown to HTML that is safe to inject with dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

// Finds every link a less careful Markdown consumer would make (it accepts any target).
const probe = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
probe.validateLink = () => true;

/** The source lines of the paragraphs (headings, cells ...) holding a link or image that renderMarkdown refuses. */
function linesWithUnsafeLinks(source: string): Set<number> {
  const lines = new Set<number>();
  let map: [number, number] | null = null;
  for (const token of probe.parse(source, {})) {
    map = token.map ?? map;
    if (token.type !== 'inline') continue;
    const unsafe = token.children?.some((c) => (c.type === 'link_open' || c.type === 'image') && !isSafeLink(String(c.attrGet(c.type === 'image' ? 'src' : 'href') ?? '')));
    if (!unsafe) continue;
    const [from, to] = map ?? [0, source.split('\n').length];
    for (let line = from; line < to; line++) lines.add(line);
  }
  return lines;
}

/** Backslash-escapes every bracket that is not escaped yet (after an even run of backslashes). */
const escapeBrackets = (text: string) => text.replace(/(\\*)([[\]])/g, (all, slashes: string, bracket: string) => (slashes.length % 2 === 0 ? `${slashes}\\${bracket}` : all));

/**
 * A Markdown document for other tools (exports): every link or image that renderMarkdown would
 * show as text (javascript:, data: ...) is made text there too, by escaping the brackets on its
 * lines, so a consumer that accepts any link target gets no such link.
 */
export function withoutUnsafeLinks(source: string): string {
  let text = source;
  for (let pass = 0; pass < 3; pass++) {
    const unsafe = linesWithUnsafeLinks(text);
    if (unsafe.size === 0) return text;
    text = text
      .split('\n')
      .map((line, i) => (unsafe.has(i) ? escapeBrackets(line) : line))
      .join('\n');
  }
  // Still a link after three passes (nesting): no bracket may open one anywhere.
  return escapeBrackets(text);
}
