/**
 * The table that goes with a chart: the same numbers as text, for screen readers and for
 * anyone who wants the figures. Every chart's table has one shape (a header row, then a row
 * per entry named by its first cell, the other cells numbers), so the screens describe
 * their columns and this builds the rows. Pure; ChartTable.tsx draws the result.
 */

export interface TableColumn<Row> {
  label: string;
  /** The cell's text for one row (already formatted: "42%", "1,204"). */
  cell: (row: Row, index: number) => string | number;
}

export interface TableModel {
  /** The column labels, the row-header column first. */
  head: string[];
  rows: { label: string; cells: string[] }[];
}

/** One row per entry of `rows`; the first column names the row, the rest are its numbers. */
export function chartTable<Row>(
  rows: readonly Row[],
  columns: readonly [TableColumn<Row>, ...TableColumn<Row>[]],
): TableModel {
  const [header, ...numbers] = columns;
  return {
    head: columns.map((column) => column.label),
    rows: rows.map((row, index) => ({
      label: String(header.cell(row, index)),
      cells: numbers.map((column) => String(column.cell(row, index))),
    })),
  };
}
