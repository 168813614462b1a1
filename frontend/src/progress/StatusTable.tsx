import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DutchDate } from '../shared/DutchDate';
import { DataTable } from '../shared/DataTable';
import { cellPath } from './paths';
import { PHASE_LABELS, slackText } from './labels';
import { TrafficLightBadge } from './TrafficLightBadge';
import type { Cell } from './types';

/**
 * Every measure's state for one municipality: one row per measure, linking to its details.
 * `lightCauses`: per measure a cause to name beside its light ("te laat door ICT").
 */
export function StatusTable({
  cells,
  captionId,
  caption,
  lightCauses = {},
}: {
  cells: Cell[];
  captionId: string;
  caption: string;
  lightCauses?: Record<string, string>;
}) {
  return (
    <DataTable
      id={captionId}
      caption={caption}
      columns={['Maatregel', 'Fase', 'Verkeerslicht', 'Volgende stap', 'Moet starten op', 'Geplande livegang']}
    >
      {cells.map((cell) => (
        <TableRow key={cell.maatregel.code}>
          <TableHeaderCell scope="row" className="spoorboek-row-header">
            <AppLink to={cellPath(cell.gemeente.code, cell.maatregel.code)}>
              {cell.maatregel.code} {cell.maatregel.naam}
            </AppLink>
          </TableHeaderCell>
          <TableCell>{PHASE_LABELS[cell.fase]}</TableCell>
          <TableCell className="spoorboek-nowrap">
            <TrafficLightBadge light={cell.verkeerslicht} />
            {lightCauses[cell.maatregel.code] && ` · ${lightCauses[cell.maatregel.code]}`}
          </TableCell>
          <TableCell>{cell.volgendeStap?.titel ?? '–'}</TableCell>
          <TableCell>
            {cell.moetStartenOp ? (
              <>
                <DutchDate value={cell.moetStartenOp} />{' '}
                <span className="spoorboek-muted">({slackText(cell.speling)})</span>
              </>
            ) : (
              '–'
            )}
          </TableCell>
          <TableCell>{cell.geplandLivegang ? <DutchDate value={cell.geplandLivegang} /> : '–'}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
