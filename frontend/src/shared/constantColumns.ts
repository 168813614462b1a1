/**
 * A column whose value is the same in every row says nothing a reader can compare: it is left
 * out of the table and said once above it ("Alle rijen: fase 1"). Only with two rows or more;
 * one row's values are the row itself.
 */

export interface ColumnValue<Row> {
  /** How the value is named in the sentence above the table ("fase", "maatregel"). */
  name: string;
  /** The value as a reader sees it, compared as text. */
  value: (row: Row) => string;
}

export interface ConstantColumns<Key extends string> {
  /** The columns that are the same in every row. */
  hidden: ReadonlySet<Key>;
  /** What every row has, for DataTable's `sameInEveryRow`: [name, value] per hidden column. */
  same: [string, string][];
}

export function constantColumns<Row, Key extends string>(
  rows: readonly Row[],
  columns: Record<Key, ColumnValue<Row>>,
): ConstantColumns<Key> {
  const hidden = new Set<Key>();
  const same: [string, string][] = [];
  const [first, ...rest] = rows;
  if (first === undefined || rest.length === 0) return { hidden, same };
  for (const key of Object.keys(columns) as Key[]) {
    const { name, value } = columns[key];
    const shared = value(first);
    if (rest.every((row) => value(row) === shared)) {
      hidden.add(key);
      same.push([name, shared]);
    }
  }
  return { hidden, same };
}

/** "Alle rijen: fase 1, maatregel M20 Giftenvrijlating." */
export function sameInEveryRowText(same: readonly [string, string][]): string {
  return `Alle rijen: ${same.map(([name, value]) => `${name} ${value}`).join(', ')}.`;
}
