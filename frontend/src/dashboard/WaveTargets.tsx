import { Paragraph, TableCell, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

import { percentText } from '../progress/labels';
import { ChartSection } from '../shared/ChartSection';
import { DataTable } from '../shared/DataTable';
import { formatDutchDate } from '../shared/dates';
import { targetText, type WaveWithTarget } from './change';
import type { Dashboard } from './types';
import './targets.css';

/** Per wave the share implemented now as a bar, its target as a line across it. */
function TargetBars({ waves }: { waves: WaveWithTarget[] }) {
  return (
    <ul className="spoorboek-compare">
      {waves.map((wave) => (
        <li key={wave.nummer} className="spoorboek-compare__row">
          <span>{wave.naam}</span>
          <span className="spoorboek-compare__track spoorboek-target__track" aria-hidden="true">
            <span className="spoorboek-compare__bar" style={{ inlineSize: `${(wave.aandeelGeimplementeerd ?? 0) * 100}%` }} />
            {wave.doel !== null && wave.doel !== undefined && (
              <span className="spoorboek-target__line" style={{ insetInlineStart: `${wave.doel * 100}%` }} />
            )}
          </span>
          <span>{percentText(wave.aandeelGeimplementeerd ?? null)}</span>
        </li>
      ))}
    </ul>
  );
}

function TargetTable({ waves }: { waves: WaveWithTarget[] }) {
  return (
    <DataTable
      id="doelen-tabel"
      caption="Doel en aandeel geïmplementeerd per fase"
      columns={['Fase', 'Ingangsdatum', 'Doel', 'Op de ingangsdatum', 'Nu']}
    >
      {waves.map((wave) => (
        <TableRow key={wave.nummer}>
          <TableHeaderCell scope="row">{wave.naam}</TableHeaderCell>
          <TableCell>{formatDutchDate(wave.ingangsdatum)}</TableCell>
          <TableCell>{wave.doel === null || wave.doel === undefined ? 'geen doel' : percentText(wave.doel)}</TableCell>
          <TableCell>
            {wave.aandeelOpIngangsdatum === null || wave.aandeelOpIngangsdatum === undefined
              ? 'nog niet ingegaan'
              : `${percentText(wave.aandeelOpIngangsdatum)}${wave.doelGehaald === null || wave.doelGehaald === undefined ? '' : wave.doelGehaald ? ' (doel gehaald)' : ' (doel niet gehaald)'}`}
          </TableCell>
          <TableCell>{percentText(wave.aandeelGeimplementeerd ?? null)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** The waves beside the targets the programme set for them (share implemented by the legal date). */
export function WaveTargets({ dashboard }: { dashboard: Dashboard }) {
  const waves: WaveWithTarget[] = dashboard.fasen;
  if (!waves.some((wave) => wave.aandeelGeimplementeerd !== undefined)) return null;
  const anyTarget = waves.some((wave) => wave.doel !== null && wave.doel !== undefined);
  return (
    <ChartSection
      id="doelen-kop"
      title={anyTarget ? 'Voortgang per fase en het doel' : 'Voortgang per fase'}
      intro={
        <>
          <Paragraph>
            Per fase het deel van de combinaties van gemeente en maatregel dat geïmplementeerd of geëvalueerd is.{' '}
            {anyTarget
              ? 'De zwarte lijn is het doel van het programma: zoveel procent geïmplementeerd op de ingangsdatum van de fase.'
              : 'Het programma heeft nog voor geen fase een doel vastgesteld.'}
          </Paragraph>
          {anyTarget && (
            <UnorderedList>
              {waves.map((wave) => (
                <UnorderedListItem key={wave.nummer}>{targetText(wave, percentText)}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </>
      }
      table={<TargetTable waves={waves} />}
      herkomst={{ ...dashboard.herkomst, csv: '/api/v1/voortgang/overzicht?groep=fase&formaat=csv' }}
      csvSubject="de voortgang per fase"
    >
      {anyTarget && (
        <Paragraph appearance="small">
          <span className="spoorboek-target__legend-line" aria-hidden="true" />
          Lijn: het doel
        </Paragraph>
      )}
      <TargetBars waves={waves} />
    </ChartSection>
  );
}
