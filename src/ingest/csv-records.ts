/**
 * Kept over csv-parse, whose skip_records_with_error drops an unclosed quote's line together with every good line up to the next quote (csv-parse 6.2: `1,"x,3` swallowed the `4,5,6` and `7,8,9` after it); here only the bad line is quarantined, with its line number, and the next one loads.
 *
 * Splits CSV text (RFC 4180: comma, double quotes, "" for a quote, line breaks inside quotes)
 * into records, each with the physical line it starts on and its raw text.
 *
 * A quote left open pairs with whatever quote comes next, often one on a later line that was never
 * meant to close it (a file of lone `"` lines pairs them two by two). Once the header's width is
 * known, a record that spans lines but does not have that many fields is taken for such a pairing:
 * its first line is the bad row and splitting resumes on the line after it. A legitimate multi-line
 * value (a transcript) sits in a record of the right width and is kept whole.
 */
export type CsvRecord =
  | { lineNo: number; raw: string; fields: string[]; error?: undefined }
  | { lineNo: number; raw: string; fields?: undefined; error: string };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** End of the physical line starting at or containing `pos` (index of its \r or \n, or text length). */
function lineEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return text.length;
}

/** Index just past the line break at `pos` (\r\n, \n or \r), or `pos` at end of text. */
function skipBreak(text: string, pos: number): number {
  if (text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF) return pos + 2;
  return pos < text.length ? pos + 1 : pos;
}

/** `shape.width` is read as records are split, so a caller can set it once it has read the header. */
export function* splitCsv(input: string, shape: { width?: number } = {}): Generator<CsvRecord> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    let end = -1; // index of the record's line break (or text end) once the record is complete
    let spansLines = false;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let i = pos + 1;
        let closed = false;
        while (i < text.length) {
          const q = text.indexOf('"', i);
          if (q < 0) break;
          value += text.slice(i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        const c = text.charCodeAt(i);
        const badClose = closed && i < text.length && c !== COMMA && c !== LF && c !== CR;
        let spans = 0;
        for (let k = pos; k < i; k++) if (text.charCodeAt(k) === LF || (text.charCodeAt(k) === CR && text.charCodeAt(k + 1) !== LF)) spans++;
        if (!closed || (badClose && line + spans > startLine)) {
          // A quote left open on its line pairs with some quote lines later (or none): the line it
          // opened on alone is the bad row, and splitting resumes on the line after it.
          const e = lineEnd(text, start);
          yield { lineNo: startLine, raw: text.slice(start, e), error: 'a quoted field is never closed' };
          pos = skipBreak(text, e);
          line = startLine + 1;
          break;
        }
        line += spans;
        if (spans > 0) spansLines = true;
        fields.push(value);
        pos = i;
        if (badClose) error = `text after a closing quote in field ${fields.length}`;
      } else {
        let i = pos;
        while (i < text.length) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE && !error) error = `a quote inside an unquoted field (field ${fields.length + 1}); quote the whole field and double the quote`;
          i++;
        }
        fields.push(text.slice(pos, i));
        pos = i;
      }
      if (error) {
        end = lineEnd(text, pos);
        break;
      }
      if (pos >= text.length || text.charCodeAt(pos) !== COMMA) {
        end = pos;
        break;
      }
      pos++; // past the comma
    }
    if (end < 0) continue; // unclosed quote, already reported
    if (spansLines && !error && shape.width !== undefined && fields.length !== shape.width) {
      const e = lineEnd(text, start);
      yield { lineNo: startLine, raw: text.slice(start, e), error: 'a quoted field is never closed' };
      pos = skipBreak(text, e);
      line = startLine + 1;
      continue;
    }
    const raw = text.slice(start, end);
    pos = skipBreak(text, end);
    line++;
    yield error ? { lineNo: startLine, raw, error } : { lineNo: startLine, raw, fields };
  }
}
