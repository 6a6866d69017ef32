// The app's plain tables (not the call log's virtual list): a scrolling wrapper, one header row,
// and optionally a last column of row actions whose header only screen readers read.
import type { ReactNode } from 'react';

export type DataTableColumn = string | { readonly label: string; readonly numeric: true };

export interface DataTableProps {
  /** The table's accessible name. */
  readonly label: string;
  readonly columns: readonly DataTableColumn[];
  /** Adds the row-actions column; each row then ends with a `cell-actions` cell. */
  readonly actions?: boolean;
  /** The rows (`<tr>`). */
  readonly children: ReactNode;
}

export function DataTable({ label, columns, actions = false, children }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className="num">
                  {column.label}
                </th>
              ),
            )}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
