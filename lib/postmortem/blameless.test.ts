import { describe, expect, it } from 'vitest';
import { countOpenFlags, findBlamingLanguage, maskCode, maskMarkdown, type BlameFlag } from './blameless';
import { BLAMELESS_CORPUS, CORPUS_NAMES } from './blameless-corpus';

const names = CORPUS_NAMES;
const rules = (text: string, opts = { names }) => findBlamingLanguage(text, opts).map((f) => f.rule);

describe('blameless corpus', () => {
  it('has at least 40 blaming and 40 neutral sentences, no duplicates', () => {
    expect(BLAMELESS_CORPUS.filter((s) => s.blaming).length).toBeGreaterThanOrEqual(40);
    expect(BLAMELESS_CORPUS.filter((s) => !s.blaming).length).toBeGreaterThanOrEqual(40);
    expect(new Set(BLAMELESS_CORPUS.map((s) => s.text)).size).toBe(BLAMELESS_CORPUS.length);
  });

  it('reaches precision and recall of at least 0.9 on sentence-level labels', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const { text, blaming } of BLAMELESS_CORPUS) {
      const predicted = findBlamingLanguage(text, { names }).length > 0;
      if (predicted && blaming) tp++;
      else if (predicted) {
        fp++;
        misses.push(`false positive: ${text}`);
      } else if (blaming) {
        fn++;
        misses.push(`false negative: ${text}`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`blameless corpus (${BLAMELESS_CORPUS.length} sentences): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n  ${misses.join('\n  ')}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('findBlamingLanguage', () => {
  it('gives offsets into the original text, so flag text === text.slice(start, end)', () => {
    const text = '## What went wrong\n\nThe deploy failed. Dana forgot to renew the certificate,\nand **he** should have known — it was human error.\n\n- Someone missed the alert.';
    const flags = findBlamingLanguage(text, { names: ['Dana Whitfield'] });
    expect(flags.map((f) => f.rule)).toEqual(['person-failed', 'should-have', 'human-error', 'person-failed']);
    for (const f of flags) expect(f.text).toBe(text.slice(f.start, f.end));
    expect(flags[0]?.text).toBe('Dana forgot');
    expect(flags[1]?.text).toBe('he** should have');
    expect(flags.every((f, i) => i === 0 || (flags[i - 1] as BlameFlag).start <= f.start)).toBe(true);
  });

  it('keeps offsets right after multi-byte characters and curly apostrophes', () => {
    const text = 'Résumé of the incident 🚨: Tomás didn’t check the lag.';
    const [flag] = findBlamingLanguage(text, { names: ['Tomás Ortega'] });
    expect(flag?.text).toBe('Tomás didn’t');
    expect(flag && text.slice(flag.start, flag.end)).toBe('Tomás didn’t');
  });

  it('skips fenced code blocks and inline code', () => {
    const text = [
      'Steps we ran:',
      '```sh',
      'git commit -m "human error, he forgot to renew"',
      '```',
      '~~~',
      'at fault: blame',
      '~~~',
      'We ran `git blame` and `echo "the engineer forgot"`; then the operator missed the alert.',
    ].join('\n');
    const flags = findBlamingLanguage(text);
    expect(flags.map((f) => f.text)).toEqual(['the operator missed']);
    expect(maskCode(text)).toHaveLength(text.length);
  });

  it('reads through emphasis and link syntax without moving offsets', () => {
    const text = 'Then _[Dana](https://chat.example/u/dana-forgot)_ **forgot** to page ~~the~~ DBA.';
    const flags = findBlamingLanguage(text, { names: ['Dana'] });
    expect(flags.map((f) => f.text)).toEqual(['Dana](https://chat.example/u/dana-forgot)_ **forgot']);
    expect(maskMarkdown(text)).toHaveLength(text.length);
    expect(findBlamingLanguage('See [the human error page](https://example.com/human_error).').map((f) => f.text)).toEqual(['human error']);
    expect(findBlamingLanguage('Link: https://wiki.example/on_call_engineer_forgot_steps')).toEqual([]);
  });

  it('treats an unclosed fence as code to the end of the document', () => {
    expect(findBlamingLanguage('Notes:\n```\nhuman error\n')).toEqual([]);
  });

  it('honours the allow-list on the flagged text or its sentence, case-insensitively', () => {
    const text = 'Human error is a term from our regulator. Dana forgot to renew the certificate.';
    expect(rules(text)).toEqual(['human-error', 'person-failed']);
    expect(findBlamingLanguage(text, { names, allowList: ['HUMAN ERROR'] }).map((f) => f.rule)).toEqual(['person-failed']);
    expect(findBlamingLanguage(text, { names, allowList: ['term from our regulator'] }).map((f) => f.rule)).toEqual(['person-failed']);
    expect(findBlamingLanguage(text, { names, allowList: ['human'] }).map((f) => f.rule)).toEqual(['person-failed']);
    expect(findBlamingLanguage(text, { names, allowList: ['hum'] })).toHaveLength(2);
    expect(findBlamingLanguage(text, { names, allowList: ['  '] })).toHaveLength(2);
  });

  it('recognises team members by full or first name, case-insensitively, only when given', () => {
    expect(rules('Priya forgot to rotate the key.', { names: [] })).toEqual([]);
    expect(rules('Priya forgot to rotate the key.', { names: ['Priya Raman'] })).toEqual(['person-failed']);
    expect(rules('priya raman broke the build.', { names: ['Priya Raman'] })).toEqual(['person-failed']);
    expect(rules('José missed the page.', { names: ['José'] })).toEqual(['person-failed']);
    expect(rules('Priya restored the replica.', { names: ['Priya Raman'] })).toEqual([]);
    expect(rules('A.J. (contractor) forgot the flag.', { names: ['A.J. (contractor)'] })).toEqual(['person-failed']);
  });

  it('does not flag neutral sentences named in the issue', () => {
    for (const text of [
      'The deploy failed.',
      'The health check failed to detect it.',
      'We should add an alert.',
      'The engineer restored the backup.',
      'The alert did not fire.',
      'The migration broke the index.',
      'She paged the database team.',
      'Fault-tolerant design, fault tolerance and fault injection; the faulty disk was swapped.',
      'The root cause was a missing index.',
    ]) {
      expect(findBlamingLanguage(text, { names }), text).toEqual([]);
    }
  });

  it('flags each rule it documents', () => {
    expect(rules('It was operator error.')).toEqual(['human-error']);
    expect(rules('A carelessly written script.')).toEqual(['careless']);
    expect(rules('Negligent handling of keys.')).toEqual(['negligent']);
    expect(rules("It was Dana's fault.")).toEqual(['fault']);
    expect(rules('The fault lies with the reviewer.')).toEqual(['fault']);
    expect(rules('They blamed the intern.')).toEqual(['blame']);
    expect(rules('The engineer should not have restarted the primary.')).toEqual(['should-have']);
    expect(rules('The on-call, who had already been paged twice, missed it.')).toEqual([]);
    expect(rules('The on-call, who missed it, was new.')).toEqual(['person-failed']);
    expect(rules('Root cause - someone on the team.')).toEqual(['root-cause-person']);
  });

  it('respects negation and blameless vocabulary', () => {
    expect(rules("It wasn't anyone's fault, and it was nobody's fault.")).toEqual([]);
    expect(rules('This was not human error.')).toEqual([]);
    expect(rules('We run blame-free, blameless reviews without blaming anyone.')).toEqual([]);
  });

  it('gives every flag a non-empty explanation and suggestion', () => {
    const all = BLAMELESS_CORPUS.flatMap(({ text }) => findBlamingLanguage(text, { names }));
    expect(new Set(all.map((f) => f.rule)).size).toBe(8);
    for (const f of all) {
      expect(f.explanation.trim().length, f.text).toBeGreaterThan(10);
      expect(f.suggestion.trim().length, f.text).toBeGreaterThan(10);
    }
  });

  it('suggests a systemic rephrasing built from the sentence', () => {
    const suggest = (text: string) => findBlamingLanguage(text, { names })[0]?.suggestion;
    expect(suggest('Dana forgot to renew the certificate.')).toBe('Renewing the certificate depended on someone remembering; nothing reminded or automated it.');
    expect(suggest('Someone missed the warning in the deploy log.')).toMatch(/^The warning was easy to miss/);
    expect(suggest('Li Wei broke the build by pushing to main.')).toMatch(/^The build could be broken by a single change/);
    expect(suggest('The SRE failed to run the checks, so it spread.')).toMatch(/^Running the checks was not prompted/);
    expect(suggest("The on-call didn't acknowledge the page for 40 minutes.")).toMatch(/^Acknowledging the page was not prompted/);
  });
});

describe('countOpenFlags', () => {
  it('totals flags across sections', () => {
    expect(countOpenFlags(['Human error. He forgot to page.', '', 'All fine.', 'Someone should have checked.'], { names })).toBe(3);
    expect(countOpenFlags([])).toBe(0);
  });
});
