import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { DataTable } from '../shared/DataTable';
import { progressKeys, useCell } from './api';
import { CellFacts } from './CellFacts';
import { CellForecast } from './CellForecast';
import { CellForm } from './CellForm';
import { CellHistory } from './CellHistory';
import { CellPeers } from './CellPeers';
import { municipalityPath } from './paths';
import type { Cell } from './types';

function StepsTable({ cell }: { cell: Cell }) {
  return (
    <DataTable
      id="stappen-tabel"
      caption="Stappen van de routekaart met hun uiterste data"
      columns={['Stap', 'Uiterlijk starten', 'Uiterlijk klaar', 'Gereed op']}
    >
      {cell.stappen.map((step) => (
        <TableRow key={step.code}>
          <TableHeaderCell scope="row">{step.titel}</TableHeaderCell>
          <TableCell>
            <DutchDate value={step.uitersteStart} />
          </TableCell>
          <TableCell>
            <DutchDate value={step.uitersteEinde} />
          </TableCell>
          <TableCell>{step.gereedOp ? <DutchDate value={step.gereedOp} /> : 'Nog niet'}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function CellDetails({ code, measure }: { code: string; measure: string }) {
  const queryClient = useQueryClient();
  const cell = useCell(code, measure);
  if (cell.isPending) return <StatusMessage>Stand laden…</StatusMessage>;
  if (cell.isError) {
    return (
      <>
        <title>Voortgang – Spoorboek</title>
        <Heading level={1}>Voortgang</Heading>
        <ErrorAlert error={cell.error} onRetry={() => void cell.refetch()} />
      </>
    );
  }
  const data = cell.data;
  const title = `${data.maatregel.code} ${data.maatregel.naam}`;
  return (
    <>
      <title>{`${title} – voortgang ${data.gemeente.naam} – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={municipalityPath(code)}>Terug naar de voortgang van {data.gemeente.naam}</AppLink>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      <Paragraph appearance="lead">
        Voortgang van {data.gemeente.naam}. De maatregel gaat in op <DutchDate value={data.ingangsdatum} />.
      </Paragraph>
      <section aria-labelledby="stand-kop" className="spoorboek-section">
        <Heading level={2} id="stand-kop">
          Huidige stand
        </Heading>
        <CellFacts cell={data} />
        <Heading level={3}>Routekaart</Heading>
        <StepsTable cell={data} />
      </section>
      <CellForecast code={code} measure={measure} />
      <CellPeers code={code} measure={measure} />
      <section aria-labelledby="wijzigen-kop" className="spoorboek-section">
        <Heading level={2} id="wijzigen-kop">
          Stand wijzigen
        </Heading>
        <CellForm
          key={`${code}/${measure}`}
          cell={data}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: progressKeys.history(code, measure) })}
        />
      </section>
      <CellHistory cell={data} />
    </>
  );
}

/** /voortgang/gemeenten/:code/:maatregel: one measure of one municipality, to read and change. */
export default function CellPage() {
  const { code = '', maatregel = '' } = useParams();
  if (!/^GM\d{4}$/.test(code) || !/^M\d{2}$/.test(maatregel)) return <NotFoundPage />;
  return <CellDetails key={`${code}/${maatregel}`} code={code} measure={maatregel} />;
}
