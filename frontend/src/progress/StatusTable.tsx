import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { ScrollTable } from '../admin/ScrollTable';
import { AppLink } from '../app/AppLink';
import { DutchDate } from '../shared/DutchDate';
import { cellPath } from './paths';
import { PHASE_LABELS, slackText } from './labels';
import { TrafficLightBadge } from './TrafficLightBadge';
import type { Cell } from './types';

/** Every measure's state for one municipality: one row per measure, linking to its details. */
export function StatusTable({ cells, captionId, caption }: { cells: Cell[]; captionId: string; caption: string }) {
  return (
    <ScrollTable labelledBy={captionId}>
      <Table className="spoorboek-table">
        <caption id={captionId} className="spoorboek-visually-hidden">
          {caption}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Maatregel</TableHeaderCell>
            <TableHeaderCell scope="col">Fase</TableHeaderCell>
            <TableHeaderCell scope="col">Verkeerslicht</TableHeaderCell>
            <TableHeaderCell scope="col">Volgende stap</TableHeaderCell>
            <TableHeaderCell scope="col">Moet starten op</TableHeaderCell>
            <TableHeaderCell scope="col">Geplande livegang</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
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
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
