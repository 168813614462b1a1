import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { StaleNotice } from '../forms/StaleNotice';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { useApplication, useReadiness } from './api';
import { ChangeApplicationForm } from './ApplicationForms';
import { countText, DOMAIN_LABELS, sourceLabel } from './labels';
import { softwareMeasurePath, SUPPLIERS_PATH, supplierPath } from './paths';
import { ReadinessCells } from './ReadinessCells';
import { ReadinessForm } from './ReadinessForm';
import { ReadinessHistorySection } from './ReadinessHistory';
import type { Application, Readiness } from './types';
import { useStale } from './useStale';
import './ict.css';

function ReadinessTable({ readiness }: { readiness: Readiness[] }) {
  return (
    <DataTable
      id="gereedheid-tabel"
      caption="Gereedheid per maatregel die software vraagt"
      columns={['Maatregel', 'Status', 'Release', 'Datum', 'Bron', 'Gemeld op']}
    >
      {readiness.map((entry) => (
        <TableRow key={entry.maatregel.code}>
          <TableHeaderCell scope="row" className="spoorboek-row-header">
            <AppLink to={softwareMeasurePath(entry.maatregel.code)}>
              {entry.maatregel.code} {entry.maatregel.naam}
            </AppLink>
          </TableHeaderCell>
          <ReadinessCells status={entry.status} release={entry.release} datum={entry.datum} />
          <TableCell>{sourceLabel(entry.bron)}</TableCell>
          <TableCell className="spoorboek-nowrap">{entry.gewijzigdOp ? <DutchDateTime value={entry.gewijzigdOp} /> : '–'}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function ApplicationView({ application, etag }: { application: Application; etag: string }) {
  const readiness = useReadiness(application.id);
  const { shown: staleShown, ref: staleRef, report: reportStale } = useStale();
  const { shown: changeStaleShown, ref: changeStaleRef, report: reportChangeStale } = useStale();
  const list = readiness.data?.resultaten ?? [];
  return (
    <>
      <title>{`${application.naam} – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={supplierPath(application.leverancier.code)}>Terug naar {application.leverancier.naam}</AppLink>
      </Paragraph>
      <Heading level={1}>{application.naam}</Heading>
      <FactList
        facts={[
          ['Leverancier', <AppLink to={supplierPath(application.leverancier.code)}>{application.leverancier.naam}</AppLink>],
          ['Domeinen', application.domeinen.map((domain) => DOMAIN_LABELS[domain]).join(', ')],
          ['Gebruikt door', countText(application.gemeenten, 'gemeente', 'gemeenten')],
        ]}
      />
      {staleShown && <StaleNotice ref={staleRef} thing="deze gereedheid" changed="de gereedheid van deze applicatie" />}
      <section aria-labelledby="gereedheid-kop" className="spoorboek-section">
        <Heading level={2} id="gereedheid-kop">
          Gereedheid per maatregel
        </Heading>
        <StatusMessage>
          {readiness.isPending
            ? 'Gereedheid laden…'
            : readiness.data && list.length === 0
              ? 'Er is nog geen maatregel aangemerkt als maatregel die software vraagt.'
              : ''}
        </StatusMessage>
        {readiness.isError && <ErrorAlert error={readiness.error} onRetry={() => void readiness.refetch()} />}
        {list.length > 0 && <ReadinessTable readiness={list} />}
      </section>
      {list.length > 0 && <ReadinessForm applicationId={application.id} readiness={list} onStale={reportStale} />}
      {list.length > 0 && <ReadinessHistorySection applicationId={application.id} readiness={list} />}
      {changeStaleShown && <StaleNotice ref={changeStaleRef} thing="deze applicatie" changed="de naam of de domeinen van deze applicatie" />}
      <ChangeApplicationForm application={application} etag={etag} onStale={reportChangeStale} />
    </>
  );
}

/** /ict/applicaties/:id: one application's readiness per measure, a new report, and its history (team). */
export default function ApplicationPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const application = useApplication(id, valid);
  if (!valid) return <NotFoundPage />;
  if (application.isError && application.error instanceof ApiError && application.error.status === 404) {
    return (
      <>
        <title>Applicatie niet gevonden – Spoorboek</title>
        <Heading level={1}>Applicatie niet gevonden</Heading>
        <Paragraph>
          Deze applicatie bestaat niet. Kies een applicatie bij de <AppLink to={SUPPLIERS_PATH}>leveranciers</AppLink>.
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{application.isPending ? 'Applicatie laden…' : ''}</StatusMessage>
      {application.isError && (
        <>
          <title>Applicatie – Spoorboek</title>
          <Heading level={1}>Applicatie</Heading>
          <ErrorAlert error={application.error} onRetry={() => void application.refetch()} />
        </>
      )}
      {application.data && <ApplicationView application={application.data.application} etag={application.data.etag} />}
    </>
  );
}
