/** Plain-text tables for benchmark output (CJK-free cells, so string length is display width). */

/** Formats a number with 3 decimals, `–` for missing. */
export function fmt(x: number | undefined, digits = 3): string {
  return x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);
}

/** Renders rows under a header with columns padded to their widest cell. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
