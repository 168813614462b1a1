import { TableCell } from '@utrecht/component-library-react';

import { DutchDate } from '../shared/DutchDate';
import { statusLabel } from './labels';

/** Status, release and date of one readiness, as three table cells. */
export function ReadinessCells({ status, release, datum }: { status: string | null; release: string | null; datum?: string | null | undefined }) {
  return (
    <>
      <TableCell>{statusLabel(status)}</TableCell>
      <TableCell>{release ?? '–'}</TableCell>
      <TableCell className="spoorboek-nowrap">{datum ? <DutchDate value={datum} /> : '–'}</TableCell>
    </>
  );
}
