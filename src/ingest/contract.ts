/**
 * The gate into bronze: checks one row against its source's contract (src/sources.ts declares the
 * sources, their columns and rules). Used by the CSV import and by the simulator alike.
 */
import { DEFAULT_MAX_LENGTH, type CheckContext, type Rejection, type SourceContract } from '../sources.ts';

// The declaration, under the names the gate's callers have always imported from here.
export { checkContext, CONTRACTS, parseInstant, SOURCE_KINDS, SOURCES, type CheckContext, type SourceContract, type SourceKind } from '../sources.ts';

/**
 * Checks one row (values in contract column order, as they arrived: each is trimmed here). Returns
 * null for a good row. Reason codes: missing_value, bad_value (with the column in the text), bad_time_order.
 */
export function checkRow(contract: SourceContract, values: string[], at: CheckContext): Rejection | null {
  const cols = contract.columns;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    const max = col.maxLength ?? DEFAULT_MAX_LENGTH;
    if (values[i].length > max) {
      const v = values[i].trim();
      return { code: 'bad_value', reason: `${col.name} ${JSON.stringify(truncate(v))} is ${count(values[i].length)} characters long; the limit is ${count(max)}` };
    }
    const v = values[i].trim();
    if (v === '') {
      if (col.required) return { code: 'missing_value', reason: `${col.name} is empty` };
      continue;
    }
    const problem = col.check?.(v, at);
    if (problem) return { code: 'bad_value', reason: `${col.name} ${JSON.stringify(truncate(v))} ${problem}` };
  }
  return contract.rowCheck?.(values, at) ?? null;
}

const count = (n: number) => n.toLocaleString('en-US');
const truncate = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}...` : v);
