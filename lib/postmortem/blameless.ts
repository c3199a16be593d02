/**
 * Blameless-language check (issue 4, item 7). Pure: no React, no database.
 *
 * Finds phrases that blame people in Markdown or plain text and returns flags with
 * character offsets into the original string (UTF-16 code units, as String#slice uses),
 * so an editor can underline them. Fenced code blocks and inline code are skipped; emphasis
 * markers and link targets are ignored (the link text is checked).
 *
 * Decisions:
 * - "fault" is only flagged in blame constructions ("X's fault", "at fault", "the fault of",
 *   "fault lies with"); "fault tolerance", "fault injection", "a network fault" and "faulty"
 *   (hardware) are never flagged.
 * - "blame" is not flagged in "blameless", "blame-free", "git blame", or when negated
 *   ("not to assign blame", "nobody is to blame"); negation also suppresses human-error,
 *   negligent and fault flags.
 * - Person-subject rules (forgot / failed to / didn't / missed / broke / should have) need a
 *   person directly before the verb: a name from options.names (full or first name), he, she,
 *   someone, somebody, or a noun phrase ending in a role (engineer, developer, on-call,
 *   operator, SRE, team, reviewer, ...). "we", "they" and "I" are not treated as persons.
 * - "careless" also covers "more careful" / "not careful" ("be more careful" as a remedy).
 * - "should have" + a possession or obligation ("should have an alert", "should not have to
 *   remember") is not hindsight judgement and is not flagged.
 */

export type BlameRule = 'human-error' | 'careless' | 'negligent' | 'fault' | 'blame' | 'should-have' | 'person-failed' | 'root-cause-person';

/** `text === original.slice(start, end)`; `explanation` says why it blames, `suggestion` offers a systemic rephrasing. */
export interface BlameFlag { start: number; end: number; text: string; rule: BlameRule; explanation: string; suggestion: string }

export interface BlamelessOptions {
  /** Team member names ("Dana Whitfield"); the full name and the first name both count as a person. */
  names?: string[];
  /** Admin-allowed phrases: a flag is dropped when one occurs (case-insensitive, whole words) in the flagged text or its sentence. */
  allowList?: string[];
}

const W = '[\\p{L}\\p{N}_]';
const B0 = `(?<!${W})`;
const B1 = `(?!${W})`;
const AP = "['’]";
const DET = 'the|a|an|our|their|your|one|that|this|every|each|any|another';
const NOT_MODIFIER = '(?:of|for|in|on|by|with|to|from|and|or|who|that|is|was|were)\\s';
const ROLES =
  'engineers?|developers?|devs?|operators?|sres?|admins?|administrators?|reviewers?|approvers?|contractors?|responders?|interns?|' +
  'on[- ]?call(?:ers?)?|teams?|managers?|leads?|authors?|persons?|people|employees?|teammates?|colleagues?|dbas?|technicians?|commanders?';
const ADVERBS = `(?:\\s+(?:\\p{L}+ly|then|also|just|again|still|later|once|even|never|already|had|has|have|simply|initially))*`;
const VERBS = `forgot|forgotten|forgets|failed\\s+to|fails\\s+to|did\\s+not|didn${AP}t|does\\s+not|doesn${AP}t|missed|misses|broke|broken|breaks|neglected(?:\\s+to)?|ignored|overlooked`;
const SHOULD_HAVE = `should(?:n${AP}t)?(?:\\s+(?:not|never|really|also|just|\\p{L}+ly))?\\s+have|should${AP}ve`;
const NEGATION = /(?:^|[^\p{L}])(?:no|not|never|nobody|without|neither|nor|rather than|instead of)(?![\p{L}])|n['’]t(?![\p{L}])/iu;
const NOT_AN_ACTION = new Set(['have', 'has', 'receive', 'get', 'hear', 'need', 'yet']);
const POSSESSION = new Set(['to', 'a', 'an', 'the', 'some', 'any', 'no', 'more', 'fewer', 'less', 'better', 'enough', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'this', 'that', 'these', 'those', 'access', 'permission', 'permissions', 'time', 'context', 'visibility', 'ownership', 'authority']);
const CLAUSE_STOP = new Set(['because', 'so', 'but', 'which', 'while', 'when', 'and', 'although', 'since', 'until', 'as']);
const PREPOSITIONS = new Set(['by', 'on', 'in', 'during', 'for', 'after', 'before', 'at', 'from', 'with', 'to', 'over', 'while', 'until']);

const EXPLANATIONS: Record<BlameRule, string> = {
  'human-error': '"Human error" ends the investigation at a person instead of asking what made the mistake easy to make.',
  careless: 'Calling an action careless judges the person; it hides the conditions that let the mistake through.',
  negligent: '"Negligent" is a judgement of a person, not a description of what happened or why it made sense at the time.',
  fault: 'Assigning fault to someone shifts attention from the system to the person.',
  blame: 'Blame discourages candour in reviews and hides the systemic causes.',
  'should-have': '"Should have" is hindsight: it judges a decision with information that was not available at the time.',
  'person-failed': 'A person is the subject of a failure; the sentence points at who rather than at what allowed it.',
  'root-cause-person': 'A person is named as the root cause; people act within a system, and the system is what we can change.',
};

const FIXED_SUGGESTIONS: Record<Exclude<BlameRule, 'person-failed'>, string> = {
  'human-error': 'Name the conditions instead, e.g. "The tooling allowed the command to run against the wrong cluster without a confirmation."',
  careless: 'Describe the conditions (time pressure, tooling, missing checks) that let the mistake through, e.g. "The change was not checked by any automated test."',
  negligent: 'Describe which safeguard or expectation was missing, e.g. "Nothing checked for credentials before the repository was published."',
  fault: 'Describe the contributing factors, e.g. "The change reached production without a check that would have caught it."',
  blame: 'Replace blame with the contributing factors: what the system allowed, and what it did not surface.',
  'should-have': 'Describe what was known at the time and what would make the better action the easy one (a check, a prompt, automation).',
  'root-cause-person': 'Name the condition that allowed the action, e.g. "An untested config could be pushed straight to production."',
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function personPattern(names: readonly string[]): string {
  const variants = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    variants.add(name);
    const first = name.split(/\s+/)[0];
    if (first) variants.add(first);
  }
  const named = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const role = `(?:(?:${DET})\\s+(?:(?!${NOT_MODIFIER})[\\p{L}'’-]+\\s+){0,2})?(?:${ROLES})`;
  return `${B0}(?:${[...named, 'he', 'she', 'someone', 'somebody', role].join('|')})${B1}`;
}

/** Replaces fenced code blocks and inline code with spaces (newlines kept), so offsets stay valid. */
export function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = '';
  let fence: { char: string; len: number } | null = null;
  for (const line of text.split(/(?<=\n)/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence.char && marker.length >= fence.len && /^ {0,3}[`~]+\s*$/.test(line)) fence = null;
      out += blank(line);
    } else if (marker && !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))) {
      fence = { char: marker[0] ?? '`', len: marker.length };
      out += blank(line);
    } else out += line;
  }
  return out.replace(/(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?(?<!`)\1(?!`)/g, blank);
}

/** maskCode, then blanks emphasis markers and link/image syntax (the link text stays), so "**he** forgot" and "[Dana](url) forgot" read as prose. */
export function maskMarkdown(text: string): string {
  return maskCode(text)
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (m, label: string) => ` ${label}${' '.repeat(m.length - label.length - 1)}`)
    .replace(/(?<![\p{L}\p{N}])[*_~]+|[*_~]+(?![\p{L}\p{N}])/gu, (m) => ' '.repeat(m.length));
}

/** Sentence spans: ends at . ! ? followed by whitespace, blank lines, and new list items or headings. */
function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const boundary = /[.!?]+['"”’)]*(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>#]|\d+[.)])\s)/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    spans.push([start, m.index + m[0].length]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

function gerund(word: string): string {
  const w = word.toLowerCase();
  if (w === 'be') return 'being';
  if (w.endsWith('ie')) return `${w.slice(0, -2)}ying`;
  if (/[^aeiouy]e$/.test(w)) return `${w.slice(0, -1)}ing`;
  if (/^[^aeiou]?[^aeiou][aeiou][^aeiouwxy]$/.test(w)) return `${w}${w.slice(-1)}ing`;
  return `${w}ing`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The words after a match up to the end of the clause, or null when there are none or too many to quote. */
function clauseAfter(rest: string, stopAtPreposition: boolean): string | null {
  const words: string[] = [];
  for (const word of (/^[^.;:!?,\n]*/.exec(rest)?.[0] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const lw = word.toLowerCase();
    if (CLAUSE_STOP.has(lw) || (words.length > 0 && (stopAtPreposition ? PREPOSITIONS.has(lw) : lw === 'for'))) break;
    words.push(word);
  }
  return words.length > 0 && words.length <= 8 ? words.join(' ') : null;
}

function personSuggestion(verb: string, rest: string): string {
  const v = verb.toLowerCase().replace(/\s+/g, ' ');
  if (v.startsWith('forg')) {
    const action = /^\s+to\s/i.test(rest) ? clauseAfter(rest.replace(/^\s+to\s/i, ''), false) : null;
    if (action) return `${capitalise(action.replace(/^\S+/, gerund))} depended on someone remembering; nothing reminded or automated it.`;
    return 'This relied on someone remembering; describe what could have reminded them or made remembering unnecessary.';
  }
  if (/^(?:broke|broken|breaks)$/.test(v)) {
    const object = clauseAfter(rest, true);
    return `${object ? capitalise(object) : 'It'} could be broken by a single change; describe which safeguard (tests, review, canary) did not catch it.`;
  }
  if (/^(?:missed|misses|ignored|overlooked)$/.test(v)) {
    const object = clauseAfter(rest, true);
    return `${object ? capitalise(object) : 'The signal'} was easy to miss; describe how it was surfaced and what would make it stand out.`;
  }
  const action = clauseAfter(rest, false);
  if (action) return `${capitalise(action.replace(/^\S+/, gerund))} was not prompted, checked or automated; describe what made it easy to skip at the time.`;
  return 'Describe what made the step easy to skip at the time, and what could prompt, check or automate it.';
}

interface RuleSpec {
  rule: BlameRule;
  pattern: RegExp;
  negatable?: boolean;
  accept?: (m: RegExpExecArray, masked: string) => boolean;
}

function nextWord(masked: string, from: number): string {
  return (/^\s*([\p{L}'’]+)/u.exec(masked.slice(from))?.[1] ?? '').toLowerCase();
}

function buildRules(names: readonly string[]): RuleSpec[] {
  const person = personPattern(names);
  const rx = (source: string) => new RegExp(source, 'giu');
  return [
    { rule: 'human-error', negatable: true, pattern: rx(`${B0}(?:human|operator|personnel)\\s+(?:error|mistake|failure)s?${B1}`) },
    { rule: 'careless', pattern: rx(`${B0}(?:careless(?:ly|ness)?|(?:more|not|less|insufficiently)\\s+careful(?:ly)?)${B1}`) },
    { rule: 'negligent', negatable: true, pattern: rx(`${B0}negligen(?:t|tly|ce)${B1}`) },
    {
      rule: 'fault',
      negatable: true,
      pattern: rx(`${B0}(?:(?:[\\p{L}-]+${AP}s|his|her|their|my|your)\\s+(?:own\\s+)?fault|at\\s+fault|the\\s+fault\\s+of|fault\\s+(?:lies|lay|rests|rested)\\s+with)${B1}`),
      accept: (m) => !/^(?:nobody|anybody|anyone|everyone|everybody|one)['’]s/i.test(m[0]),
    },
    {
      rule: 'blame',
      negatable: true,
      pattern: rx(`${B0}blam(?:e|ed|es|ing|eworthy)${B1}(?!-(?:free|less|aware))`),
      accept: (m, masked) => !/git\s+$/i.test(masked.slice(Math.max(0, m.index - 6), m.index)),
    },
    {
      rule: 'should-have',
      pattern: rx(`${person}(?:,?\\s+who)?${ADVERBS}\\s+(?:${SHOULD_HAVE})${B1}`),
      accept: (m, masked) => !POSSESSION.has(nextWord(masked, m.index + m[0].length)),
    },
    {
      rule: 'person-failed',
      pattern: rx(`${person}(?:,?\\s+who)?${ADVERBS}\\s+(${VERBS})${B1}`),
      accept: (m, masked) => !(/^d(?:id|oes)/i.test(m[1] ?? '') && NOT_AN_ACTION.has(nextWord(masked, m.index + m[0].length))),
    },
    { rule: 'root-cause-person', pattern: rx(`${B0}root[- ]cause(?:\\s+of\\s+(?:the|this)\\s+[\\p{L}-]+)?\\s*(?:was|is|:|=|[–—-])\\s*(?:that\\s+)?${person}(?!${AP}s)`) },
  ];
}

function allowMatchers(allowList: readonly string[]): RegExp[] {
  return allowList
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new RegExp(`${B0}${escapeRegExp(p)}${B1}`, 'iu'));
}

export function findBlamingLanguage(text: string, options: BlamelessOptions = {}): BlameFlag[] {
  const masked = maskMarkdown(text);
  const sentences = sentenceSpans(masked);
  const allow = allowMatchers(options.allowList ?? []);
  const sentenceOf = (i: number): [number, number] => sentences.find(([s, e]) => i >= s && i < e) ?? [0, text.length];
  const flags: BlameFlag[] = [];
  for (const spec of buildRules(options.names ?? [])) {
    for (const m of masked.matchAll(spec.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      const [sStart, sEnd] = sentenceOf(start);
      const before = masked.slice(sStart, start).trim().split(/\s+/).slice(-3).join(' ');
      if (spec.negatable && NEGATION.test(before)) continue;
      if (spec.accept && !spec.accept(m, masked)) continue;
      const flagged = text.slice(start, end);
      const sentence = text.slice(sStart, sEnd);
      if (allow.some((a) => a.test(flagged) || a.test(sentence))) continue;
      const suggestion = spec.rule === 'person-failed' ? personSuggestion(m[1] ?? '', masked.slice(end, sEnd)) : FIXED_SUGGESTIONS[spec.rule];
      flags.push({ start, end, text: flagged, rule: spec.rule, explanation: EXPLANATIONS[spec.rule], suggestion });
    }
  }
  flags.sort((a, b) => a.start - b.start || b.end - a.end);
  return flags.filter((f, i) => !flags.some((g, j) => j < i && g.start <= f.start && g.end >= f.end));
}

/** Total open flags across a document's sections, for the pre-publish warning (a warning, not a block). */
export function countOpenFlags(sections: readonly string[], options: BlamelessOptions = {}): number {
  return sections.reduce((n, section) => n + findBlamingLanguage(section, options).length, 0);
}
