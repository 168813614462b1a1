import { TableCell, TableRow } from '@utrecht/component-library-react';

import { DutchDay } from '../shared/DutchDay';
import { daysText, kindLabel, REPORTER_LABELS } from './labels';
import { isClosed } from './lifecycle';
import { signalPath } from './paths';
import { StatusCell, TitleCell } from './SignalCells';
import type { SignalSummary } from './types';

export const TEAM_COLUMNS = ['Signaal', 'Soort', 'Status', 'Gemeenten', 'Gemeld', 'Melder'];
export const CONTACT_COLUMNS = ['Signaal', 'Soort', 'Status', 'Gemeenten', 'Gemeld'];

/** One signal in the register (team) or in Mijn signalen (a municipality's contact). */
export function SignalRow({ signal, team }: { signal: SignalSummary; team: boolean }) {
  return (
    <TableRow>
      <TitleCell to={signalPath(signal.id)} id={signal.id} title={signal.titel} measures={signal.maatregelen} extra={team && signal.openbaar ? 'Openbaar' : undefined} />
      <TableCell>{kindLabel(signal.soort)}</TableCell>
      <StatusCell status={signal.status} passedTo={signal.doorgezetAan} />
      <TableCell className="spoorboek-number">{signal.bereik.gemeenten}</TableCell>
      <TableCell>
        <DutchDay value={signal.aangemaaktOp} />
        <br />
        <span className="spoorboek-muted">
          {isClosed(signal.status) ? `in ${daysText(signal.leeftijdDagen)} afgerond` : `${daysText(signal.leeftijdDagen)} oud`}
        </span>
      </TableCell>
      {team && <TableCell>{signal.gemeente?.naam ?? REPORTER_LABELS[signal.melderSoort]}</TableCell>}
    </TableRow>
  );
}
