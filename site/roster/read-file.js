// A roster file as rows of text cells, whatever a spreadsheet program saved:
// CSV or tab-separated text in UTF-8 (with or without BOM), UTF-16 (Excel's
// "Unicode text") or GBK/GB18030 (Excel and WPS on Chinese Windows), read
// with papaparse; or a workbook (.xlsx, .xls, .ods), read with SheetJS,
// which is fetched only when one arrives. Runs in the roster's worker.
import Papa from 'papaparse';

export const MAX_BYTES = 200 * 1024 * 1024;

export class FileProblem extends Error {
  constructor(code, detail = '') {
    super(detail || code);
    this.code = code;
  }
}

const starts = (bytes, ...magic) => magic.every((b, i) => bytes[i] === b);

// The text and the name of its encoding, decided from the bytes alone.
export function decode(bytes) {
  if (starts(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (starts(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (starts(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: what Chinese Windows saves (the browser's GBK decoder is GB18030's).
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

function textRows(bytes) {
  const { text, encoding } = decode(bytes);
  const parsed = Papa.parse(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  // papaparse numbers its rows from 0; a row's number here is the file's (1 first).
  const records = parsed.data.map((cells, i) => ({ row: i + 1, cells }));
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes').map((e) => ({ row: (e.row ?? 0) + 1, code: 'quotes' }));
  return { records, encoding, warnings: quoteErrors };
}

function workbookRows(bytes, loadSpreadsheetReader) {
  const XLSX = loadSpreadsheetReader();
  let book;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false });
  } catch (err) {
    throw new FileProblem('spreadsheet_failed', String(err && err.message));
  }
  // The first sheet that has anything in it.
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet || !sheet['!ref']) continue;
    const first = XLSX.utils.decode_range(sheet['!ref']).s.r;
    // Cells as the program shows them (numbers as formatted, dates as
    // year-month-day), blank rows kept so the row numbers stay the sheet's.
    const grid = XLSX.utils.sheet_to_json(sheet, { header: 1, raw: false, dateNF: 'yyyy-mm-dd', defval: '', blankrows: true });
    const records = grid.map((cells, i) => ({ row: first + i + 1, cells: cells.map((c) => (c == null ? '' : String(c))) }));
    return { records, sheet: name, warnings: [] };
  }
  throw new FileProblem('no_sheet');
}

const blank = (cells) => cells.every((c) => String(c).trim() === '');

// { header, rows: [{row, cells}], encoding (text) or sheet (workbook),
// warnings }: the first row with
// anything in it is the header; blank rows after it are left out (their
// numbers are not reused).
export function readRoster(bytes, loadSpreadsheetReader) {
  if (bytes.length > MAX_BYTES) throw new FileProblem('too_large');
  if (bytes.length === 0) throw new FileProblem('empty');
  const workbook = starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0xd0, 0xcf, 0x11, 0xe0);
  const { records, encoding, sheet, warnings } = workbook ? workbookRows(bytes, loadSpreadsheetReader) : textRows(bytes);
  const at = records.findIndex((r) => !blank(r.cells));
  if (at < 0) throw new FileProblem('empty');
  return { header: records[at].cells, headerRow: records[at].row, rows: records.slice(at + 1).filter((r) => !blank(r.cells)), encoding, sheet, warnings };
}
