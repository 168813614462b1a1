import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { DataTable } from '../shared/DataTable';
import { formatDutchDate } from '../shared/dates';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { usePublicFigures } from './api';
import { figuresLineName } from './labels';
import type { Counts } from './types';

const number = (value: number) => value.toLocaleString('nl-NL');

function CountCells({ counts }: { counts: Counts }) {
  return (
    <>
      <TableCell>{number(counts.gemeenten)}</TableCell>
      <TableCell>{number(counts.inwoners)}</TableCell>
      <TableCell>{number(counts.teLaat)}</TableCell>
      <TableCell>{number(counts.risico)}</TableCell>
      <TableCell>{number(counts.onbekend)}</TableCell>
    </>
  );
}

/** On the dashboard: the public ICT figures, per supplier that agreed and the others together. */
export function IctFiguresSection(props: Record<string, never>) {
  void props;
  const figures = usePublicFigures();
  const data = figures.data;
  return (
    <section aria-labelledby="ict-cijfers-kop" className="spoorboek-section">
      <Heading level={2} id="ict-cijfers-kop">
        Wachten op software
      </Heading>
      <Paragraph>
        Veel maatregelen vragen een nieuwe release van de software waarmee gemeenten uitkeringen berekenen en gegevens
        uitwisselen. Hier staat hoeveel gemeenten op hun leverancier wachten, en bij hoeveel combinaties van gemeente en
        maatregel de geplande release te laat komt (na de ingangsdatum), risico geeft (na de datum waarop de gemeente
        uiterlijk moet starten) of nog geen datum heeft. Een leverancier staat hier alleen met naam als zij daarmee
        instemde; de andere staan samen op één regel. Een gemeente kan op meer leveranciers wachten, dus de regels
        tellen op tot meer dan het totaal.
      </Paragraph>
      <StatusMessage>{figures.isPending ? 'Cijfers over software laden…' : ''}</StatusMessage>
      {figures.isError && <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />}
      {data && data.resultaten.length === 0 && <Paragraph>Geen gemeente wacht op een release van haar leverancier.</Paragraph>}
      {data && data.resultaten.length > 0 && (
        <DataTable
          id="ict-cijfers-tabel"
          caption={`Gemeenten en inwoners die op software wachten, per leverancier (stand op ${formatDutchDate(data.peildatum)})`}
          visibleCaption
          columns={['Leverancier', 'Gemeenten', 'Inwoners', 'Te laat door ICT', 'Risico door ICT', 'Zonder datum']}
        >
          {data.resultaten.map((line) => (
            <TableRow key={line.leverancier?.code ?? 'overige'}>
              <TableHeaderCell scope="row" className="spoorboek-row-header">
                {figuresLineName(line)}
              </TableHeaderCell>
              <CountCells counts={line.cijfers} />
            </TableRow>
          ))}
          <TableRow>
            <TableHeaderCell scope="row">Totaal</TableHeaderCell>
            <CountCells counts={data.totaal} />
          </TableRow>
        </DataTable>
      )}
      {data && data.resultaten.length > 0 && (
        <Paragraph appearance="small">Te laat, risico en zonder datum tellen combinaties van gemeente en maatregel.</Paragraph>
      )}
    </section>
  );
}
