import { Fragment } from 'react';

/** Text from the OpenAPI document: `backticks` become code, blank lines become paragraphs. */
export function InlineText({ text }: { text: string }) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>));
}

export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return text
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((paragraph, i) => (
      <p key={i} className={className}>
        <InlineText text={paragraph} />
      </p>
    ));
}
