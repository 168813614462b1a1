import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { municipalityPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useMeasureWaiters } from './api';
import { countText, releaseText, statusLabel, verdictLabel } from './labels';
import { MEASURES_PATH, supplierPath } from './paths';
import type { MeasureWaiters } from './types';

function BackLink() {
  return (
    <Paragraph>
      <AppLink to={MEASURES_PATH}>Terug naar de maatregelen</AppLink>
    </Paragraph>
  );
}

function Waiters({ found }: { found: MeasureWaiters }) {
  const code = found.maatregel.code;
  return (
    <>
      <title>{`${code} – wie wacht op software – Spoorboek`}</title>
      <BackLink />
      <Heading level={1}>
        {code} {found.maatregel.naam}: wie wacht op software
      </Heading>
      <Paragraph appearance="lead">
        Ingangsdatum <DutchDate value={found.ingangsdatum} />. Per leverancier: welke gemeenten voor deze maatregel op een
        release wachten, wanneer zij uiterlijk moeten starten en wat de geplande release daarvoor betekent (stand op{' '}
        <DutchDate value={found.peildatum} />
        ).
      </Paragraph>
      {!found.softwareNodig && <Paragraph>Deze maatregel is niet aangemerkt als maatregel die software vraagt.</Paragraph>}
      {found.softwareNodig && found.leveranciers.length === 0 && (
        <Paragraph>Geen gemeente wacht voor deze maatregel op een leverancier.</Paragraph>
      )}
      {found.leveranciers.map((supplier) => {
        const id = `leverancier-${supplier.leverancier.code}`;
        return (
          <section key={supplier.leverancier.code} aria-labelledby={id} className="spoorboek-section">
            <Heading level={2} id={id}>
              {supplier.leverancier.naam}
            </Heading>
            <Paragraph>
              {countText(supplier.gemeenten, 'gemeente wacht', 'gemeenten wachten')} (
              {countText(supplier.inwoners, 'inwoner', 'inwoners')}): {supplier.teLaat.toLocaleString('nl-NL')} te laat
              door ICT, {supplier.risico.toLocaleString('nl-NL')} met risico door ICT.{' '}
              <AppLink to={supplierPath(supplier.leverancier.code)}>Naar {supplier.leverancier.naam}</AppLink>
            </Paragraph>
            <DataTable
              id={`${id}-tabel`}
              caption={`Gemeenten die voor ${code} op ${supplier.leverancier.naam} wachten`}
              columns={['Gemeente', 'Oordeel', 'Moet starten op', 'Wacht op', 'Inwoners']}
            >
              {supplier.resultaten.map((municipality) => (
                <TableRow key={municipality.gemeente.code}>
                  <TableHeaderCell scope="row" className="spoorboek-row-header">
                    <AppLink to={municipalityPath(municipality.gemeente.code)}>{municipality.gemeente.naam}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{verdictLabel(municipality.oordeel)}</TableCell>
                  <TableCell className="spoorboek-nowrap">
                    {municipality.moetStartenOp ? <DutchDate value={municipality.moetStartenOp} /> : '–'}
                  </TableCell>
                  <TableCell>
                    {municipality.wachtOp
                      .map((wait) => `${wait.applicatie.naam}: ${statusLabel(wait.status).toLowerCase()}, ${releaseText(wait.release, wait.datum)}`)
                      .join('; ')}
                  </TableCell>
                  <TableCell>{municipality.inwoners.toLocaleString('nl-NL')}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          </section>
        );
      })}
    </>
  );
}

/** /ict/maatregelen/:code: per supplier, the municipalities that wait for this measure (team). */
export default function MeasurePage() {
  const { code = '' } = useParams();
  const waiters = useMeasureWaiters(code);
  if (waiters.isError && waiters.error instanceof ApiError && waiters.error.status === 404) {
    return (
      <>
        <title>Maatregel niet gevonden – Spoorboek</title>
        <BackLink />
        <Heading level={1}>Maatregel niet gevonden</Heading>
        <Paragraph>Er is geen maatregel met de code {code}.</Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{waiters.isPending ? 'Wachtenden laden…' : ''}</StatusMessage>
      {waiters.isError && (
        <>
          <title>Wie wacht op software – Spoorboek</title>
          <Heading level={1}>Wie wacht op software</Heading>
          <ErrorAlert error={waiters.error} onRetry={() => void waiters.refetch()} />
        </>
      )}
      {waiters.data && <Waiters found={waiters.data} />}
    </>
  );
}
