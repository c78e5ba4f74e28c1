import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../../src/ingest/csv-records.ts';

const split = (text: string) => [...splitCsv(text)];

describe('splitCsv (RFC 4180)', () => {
  it('splits plain records and keeps each one’s starting line and raw text', () => {
    expect(split('a,b,c\n1,2,3\n')).toEqual([
      { lineNo: 1, raw: 'a,b,c', fields: ['a', 'b', 'c'] },
      { lineNo: 2, raw: '1,2,3', fields: ['1', '2', '3'] },
    ]);
  });

  it('handles CRLF, a lone CR, a missing final newline, a BOM and empty fields', () => {
    expect(split('\ufeffa,b\r\n1,\r2,x')).toEqual([
      { lineNo: 1, raw: 'a,b', fields: ['a', 'b'] },
      { lineNo: 2, raw: '1,', fields: ['1', ''] },
      { lineNo: 3, raw: '2,x', fields: ['2', 'x'] },
    ]);
  });

  it('unquotes quoted fields with commas, doubled quotes and line breaks; lines keep counting', () => {
    expect(split('a,b\n"x, y","say ""hi"""\n"line1\r\nline2",z\n3,4\n')).toEqual([
      { lineNo: 1, raw: 'a,b', fields: ['a', 'b'] },
      { lineNo: 2, raw: '"x, y","say ""hi"""', fields: ['x, y', 'say "hi"'] },
      { lineNo: 3, raw: '"line1\r\nline2",z', fields: ['line1\r\nline2', 'z'] },
      { lineNo: 5, raw: '3,4', fields: ['3', '4'] },
    ]);
  });

  it('a blank line is a record of one empty field (the importer skips it)', () => {
    expect(split('a\n\nb\n')).toEqual([
      { lineNo: 1, raw: 'a', fields: ['a'] },
      { lineNo: 2, raw: '', fields: [''] },
      { lineNo: 3, raw: 'b', fields: ['b'] },
    ]);
  });

  it('text after a closing quote spoils only its own line', () => {
    expect(split('1,"ab"c,3\n4,5,6\n')).toEqual([
      { lineNo: 1, raw: '1,"ab"c,3', error: 'text after a closing quote in field 2' },
      { lineNo: 2, raw: '4,5,6', fields: ['4', '5', '6'] },
    ]);
  });

  it('a quote inside an unquoted field is an error for that line', () => {
    const [bad, good] = split('1,5" screen,3\n4,5,6');
    expect(bad).toMatchObject({ lineNo: 1, raw: '1,5" screen,3' });
    expect(bad.error).toMatch(/quote inside an unquoted field \(field 2\)/);
    expect(good).toEqual({ lineNo: 2, raw: '4,5,6', fields: ['4', '5', '6'] });
  });

  it('an unclosed quote costs only the line it opened on; splitting resumes on the next line', () => {
    expect(split('1,2,3\n4,"5,6\n7,8,9\n10,11,12')).toEqual([
      { lineNo: 1, raw: '1,2,3', fields: ['1', '2', '3'] },
      { lineNo: 2, raw: '4,"5,6', error: 'a quoted field is never closed' },
      { lineNo: 3, raw: '7,8,9', fields: ['7', '8', '9'] },
      { lineNo: 4, raw: '10,11,12', fields: ['10', '11', '12'] },
    ]);
  });

  it('an unclosed quote that pairs with a quote on a later line still costs only its own line', () => {
    expect(split('1,"open\n2,"x, y",3\n')).toEqual([
      { lineNo: 1, raw: '1,"open', error: 'a quoted field is never closed' },
      { lineNo: 2, raw: '2,"x, y",3', fields: ['2', 'x, y', '3'] },
    ]);
  });

  it('once the header width is known, lone quotes on their own lines cost one line each: in a row, between rows, at the end', () => {
    const text = 'a,b\n"\n"\n"\n1,2\n"\n3,4\n"';
    expect([...splitCsv(text, { width: 2 })]).toEqual([
      { lineNo: 1, raw: 'a,b', fields: ['a', 'b'] },
      { lineNo: 2, raw: '"', error: 'a quoted field is never closed' },
      { lineNo: 3, raw: '"', error: 'a quoted field is never closed' },
      { lineNo: 4, raw: '"', error: 'a quoted field is never closed' },
      { lineNo: 5, raw: '1,2', fields: ['1', '2'] },
      { lineNo: 6, raw: '"', error: 'a quoted field is never closed' },
      { lineNo: 7, raw: '3,4', fields: ['3', '4'] },
      { lineNo: 8, raw: '"', error: 'a quoted field is never closed' },
    ]);
    // Without a width the same text pairs the quotes into values holding a line break.
    expect(split(text)[1]).toEqual({ lineNo: 2, raw: '"\n"', fields: ['\n'] });
  });

  it('a value with line breaks in a record of the header width is kept whole', () => {
    expect([...splitCsv('a,b\n"x\n\ny",2\n3,4\n', { width: 2 })]).toEqual([
      { lineNo: 1, raw: 'a,b', fields: ['a', 'b'] },
      { lineNo: 2, raw: '"x\n\ny",2', fields: ['x\n\ny', '2'] },
      { lineNo: 5, raw: '3,4', fields: ['3', '4'] },
    ]);
  });
});
