import { describe, expect, it } from 'vitest';
import { diffLines, type DiffLine } from './diff';

const render = (lines: DiffLine[]) => lines.map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`);

describe('diffLines', () => {
  it('is all "same" for equal texts and empty for two empty texts', () => {
    expect(render(diffLines('a\nb', 'a\nb'))).toEqual([' a', ' b']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('shows additions and removals against an empty side', () => {
    expect(render(diffLines('', 'a\nb'))).toEqual(['+a', '+b']);
    expect(render(diffLines('a\nb', ''))).toEqual(['-a', '-b']);
  });

  it('finds a minimal edit in the middle', () => {
    expect(render(diffLines('one\ntwo\nthree\nfour', 'one\n2\nthree\nfour\nfive'))).toEqual([' one', '-two', '+2', ' three', ' four', '+five']);
  });

  it('keeps the longest common subsequence', () => {
    const out = diffLines('a\nb\nc\nd\ne', 'b\nx\nd\ne\na');
    expect(out.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['b', 'd', 'e']);
    // Applying the diff reproduces both sides.
    expect(out.filter((l) => l.kind !== 'added').map((l) => l.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(out.filter((l) => l.kind !== 'removed').map((l) => l.text)).toEqual(['b', 'x', 'd', 'e', 'a']);
  });

  it('treats CRLF like LF', () => {
    expect(render(diffLines('a\r\nb', 'a\nb'))).toEqual([' a', ' b']);
  });
});
