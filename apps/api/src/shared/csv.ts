/** One CSV cell of an export: RFC 4180 quoting, and spreadsheet formulas in free text neutralised. */
export const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  // Quote what CSV needs, and neutralise spreadsheet formulas in free text.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV (CRLF) with a UTF-8 BOM, so spreadsheet programs read Chinese text correctly. */
export const csvDocument = (rows: readonly (readonly (string | number | null)[])[]): string =>
  `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
