import { describe, expect, it } from 'vitest';
import { actionCsvRow, csvCell, CSV_HEADER, toCsv } from './csv';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises spreadsheet formulas: = + - @ tab and CR at the start become text', () => {
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    // Only the start matters; numbers themselves are not text.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('toCsv', () => {
  it('joins rows with CRLF and ends with one', () => {
    expect(toCsv([['a', 'b'], ['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('writes one action per row in the header’s order', () => {
    const row = actionCsvRow({
      id: 'id-1', title: '=cmd', description: 'multi\nline', type: 'prevent', priority: 'P1', status: 'open', wontDoReason: null,
      dueDate: '2026-03-01', daysOverdue: 3, completedAt: null, ticketUrl: 'https://t.test/1', owner: { name: 'Ann', email: 'ann@x.test' },
      factor: { name: 'Alert fatigue' }, incident: { number: 7, title: 'Queue, backlog' }, createdAt: '2026-02-01T10:00:00.000Z',
    });
    expect(row).toHaveLength(CSV_HEADER.length);
    expect(toCsv([row])).toBe(`INC-7,"Queue, backlog",'=cmd,prevent,P1,open,Ann,ann@x.test,2026-03-01,3,,Alert fatigue,https://t.test/1,,"multi\nline",2026-02-01T10:00:00.000Z,id-1\r\n`);
  });
});
