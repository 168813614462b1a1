import { ButtonGroup, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';

/** How many rows of a long evidence list show before "Alle … tonen". */
export const ROWS_SHOWN = 8;

/**
 * The first rows of a long list, and a button that shows them all (a group of blockers can hold
 * the same sentence from eighty municipalities).
 */
export function useLimitedRows<T>(items: T[], noun: string): { rows: T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  const rows = all ? items : items.slice(0, ROWS_SHOWN);
  const toggle =
    items.length > ROWS_SHOWN ? (
      <ButtonGroup>
        <SecondaryActionButton type="button" aria-expanded={all} onClick={() => setAll((shown) => !shown)}>
          {all ? 'Minder tonen' : `Alle ${items.length} ${noun} tonen`}
        </SecondaryActionButton>
      </ButtonGroup>
    ) : null;
  return { rows, toggle };
}
