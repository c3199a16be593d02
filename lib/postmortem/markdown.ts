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
