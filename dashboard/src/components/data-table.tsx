// The dashboard's table frame: a scrolling box, a caption for screen readers and a header row; the caller writes the rows.
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** Numbers, right-aligned. */
  numeric?: boolean;
}

interface DataTableProps {
  /** Read by screen readers only. */
  caption?: string;
  columns: Column[];
  /** Extra class on the table, next to `data-table`. */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}

export function DataTable({ caption, columns, className, children }: DataTableProps) {
  return (
    <div className="table-scroll">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
