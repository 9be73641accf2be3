/**
 * A small RFC 4180 reader for the CSV round-trip tests (independent of the writer under test):
 * quoted fields may hold commas, CR, LF and doubled quotes; records end with CRLF.
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let at = 0;
  let quoted = false;
  while (at < text.length) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
      } else if (char === '"') {
        quoted = false;
        at++;
        const next = text[at];
        if (next !== undefined && next !== ',' && next !== '\r')
          throw new Error(`RFC 4180 violation at ${at}: text after a closing quote`);
      } else {
        field += char;
        at++;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      at++;
    } else if (char === ',') {
      record.push(field);
      field = '';
      at++;
    } else if (char === '\r' && text[at + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      at += 2;
    } else if (char === '"' || char === '\r' || char === '\n') {
      throw new Error(`RFC 4180 violation at ${at}: bare ${JSON.stringify(char)}`);
    } else {
      field += char;
      at++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
