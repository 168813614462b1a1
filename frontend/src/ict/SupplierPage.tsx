import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Fragment, useState } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { StaleNotice } from '../forms/StaleNotice';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { signalPath } from '../signals/paths';
import { applicationsQuery, useSupplierOverview } from './api';
import { NewApplicationForm } from './ApplicationForms';
import { ConsentButton } from './ConsentButton';
import { countText, DOMAIN_LABELS } from './labels';
import { applicationPath, SUPPLIERS_PATH, softwareMeasurePath, supplierSignalsPath } from './paths';
import { ReadinessCells } from './ReadinessCells';
import type { Counts, SupplierOverview, SupplierSignals } from './types';
import { useStale } from './useStale';

function BackLink() {
  return (
    <Paragraph>
      <AppLink to={SUPPLIERS_PATH}>Terug naar de leveranciers</AppLink>
    </Paragraph>
  );
}

const number = (value: number) => value.toLocaleString('nl-NL');
const combinations = (count: number) => countText(count, 'combinatie van gemeente en maatregel', 'combinaties van gemeente en maatregel');

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

function Applications({ code }: { code: string }) {
  const applications = useQuery(applicationsQuery(code));
  const list = applications.data?.resultaten ?? [];
  return (
    <section aria-labelledby="applicaties-kop" className="spoorboek-section">
      <Heading level={2} id="applicaties-kop">
        Applicaties
      </Heading>
      <StatusMessage>
        {applications.isPending ? 'Applicaties laden…' : applications.data && list.length === 0 ? 'Deze leverancier heeft nog geen applicaties.' : ''}
      </StatusMessage>
      {applications.isError && <ErrorAlert error={applications.error} onRetry={() => void applications.refetch()} />}
      {list.length > 0 && (
        <DataTable id="applicaties-tabel" caption="Applicaties van deze leverancier" columns={['Applicatie', 'Domeinen', 'Gemeenten']}>
          {list.map((application) => (
            <TableRow key={application.id}>
              <TableHeaderCell scope="row" className="spoorboek-row-header">
                <AppLink to={applicationPath(application.id)}>{application.naam}</AppLink>
              </TableHeaderCell>
              <TableCell>{application.domeinen.map((domain) => DOMAIN_LABELS[domain]).join(', ')}</TableCell>
              <TableCell>{number(application.gemeenten)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The open signals in the register that name this supplier (the team's view only). */
function OpenSignals({ code, name, signals }: { code: string; name: string; signals: SupplierSignals }) {
  return (
    <section aria-labelledby="signalen-kop" className="spoorboek-section">
      <Heading level={2} id="signalen-kop">
        Open signalen
      </Heading>
      {signals.aantal === 0 ? (
        <Paragraph>Er is geen open signaal over {name}.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {signals.aantal === 1 ? 'Eén open signaal noemt' : `${number(signals.aantal)} open signalen noemen`} {name}
            {signals.aantal > signals.laatste.length ? '; de nieuwste:' : ':'}
          </Paragraph>
          <UnorderedList>
            {signals.laatste.map((signal) => (
              <UnorderedListItem key={signal.id}>
                <AppLink to={signalPath(signal.id)}>{signal.titel}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <Paragraph>
        <AppLink to={supplierSignalsPath(code)}>Alle open signalen over {name} in het register</AppLink>
      </Paragraph>
    </section>
  );
}

function Overview({ overview }: { overview: SupplierOverview }) {
  const { shown: staleShown, ref: staleRef, report: reportStale } = useStale();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const total = overview.totaal;
  const name = overview.leverancier.naam;
  return (
    <>
      <title>{`${name} – Leveranciers – Spoorboek`}</title>
      <BackLink />
      <Heading level={1}>{name}</Heading>
      <Paragraph appearance="lead">
        Hoe gereed de applicaties van {name} zijn voor elke maatregel die gemeentelijke software raakt, en hoeveel
        gemeenten daarop wachten (stand op <DutchDate value={overview.peildatum} />).
      </Paragraph>
      {staleShown && <StaleNotice ref={staleRef} thing="deze instemming" changed="de instemming van de leverancier" />}
      {failure !== null && <ErrorAlert error={failure} />}
      <FactList
        facts={[
          ['Cijfers openbaar onder eigen naam', overview.cijfersOpenbaar ? 'Ja, ingestemd' : 'Nee'],
          ['Gemeenten die wachten', `${countText(total.gemeenten, 'gemeente', 'gemeenten')}, ${countText(total.inwoners, 'inwoner', 'inwoners')}`],
          ['Te laat door ICT', combinations(total.teLaat)],
          ['Risico door ICT', combinations(total.risico)],
          ['Wacht op datum leverancier', combinations(total.onbekend)],
        ]}
      />
      <ConsentButton
        supplier={overview.leverancier}
        shown={overview.cijfersOpenbaar}
        onDone={(saved) => {
          setFailure(null);
          setMessage(saved.cijfersOpenbaar ? 'De instemming is vastgelegd.' : 'De instemming is ingetrokken.');
        }}
        onStale={reportStale}
        onFailed={setFailure}
      />
      <StatusMessage>{message}</StatusMessage>
      {overview.openSignalen && <OpenSignals code={overview.leverancier.code} name={name} signals={overview.openSignalen} />}
      <Applications code={overview.leverancier.code} />
      <NewApplicationForm supplier={overview.leverancier} />
      <section aria-labelledby="wachtenden-kop" className="spoorboek-section">
        <Heading level={2} id="wachtenden-kop">
          Wie wacht, per maatregel
        </Heading>
        {overview.maatregelen.length === 0 ? (
          <Paragraph>Er is nog geen maatregel aangemerkt als maatregel die software vraagt.</Paragraph>
        ) : (
          <DataTable
            id="wachtenden-tabel"
            caption={`Gemeenten, inwoners en combinaties van gemeente en maatregel die op ${name} wachten`}
            columns={['Maatregel', 'Gemeenten', 'Inwoners', 'Te laat door ICT', 'Risico door ICT', 'Zonder datum']}
          >
            {overview.maatregelen.map((measure) => (
              <TableRow key={measure.maatregel.code}>
                <TableHeaderCell scope="row" className="spoorboek-row-header">
                  <AppLink to={softwareMeasurePath(measure.maatregel.code)}>
                    {measure.maatregel.code} {measure.maatregel.naam}
                  </AppLink>
                </TableHeaderCell>
                <CountCells counts={measure.cijfers} />
              </TableRow>
            ))}
            <TableRow>
              <TableHeaderCell scope="row">Totaal (elke gemeente één keer)</TableHeaderCell>
              <CountCells counts={total} />
            </TableRow>
          </DataTable>
        )}
      </section>
      {overview.maatregelen.length > 0 && (
        <section aria-labelledby="gereedheid-kop" className="spoorboek-section">
          <Heading level={2} id="gereedheid-kop">
            Gereedheid per maatregel en applicatie
          </Heading>
          <DataTable
            id="gereedheid-tabel"
            caption={`Gereedheid van de applicaties van ${name} per maatregel`}
            columns={['Maatregel', 'Ingangsdatum', 'Applicatie', 'Status', 'Release', 'Datum']}
          >
            {overview.maatregelen.map((measure) => (
              <Fragment key={measure.maatregel.code}>
                {measure.applicaties.map((readiness) => (
                  <TableRow key={readiness.applicatie.id}>
                    <TableHeaderCell scope="row" className="spoorboek-row-header">
                      {measure.maatregel.code} {measure.maatregel.naam}
                    </TableHeaderCell>
                    <TableCell className="spoorboek-nowrap">
                      <DutchDate value={measure.ingangsdatum} />
                    </TableCell>
                    <TableCell>
                      <AppLink to={applicationPath(readiness.applicatie.id)}>{readiness.applicatie.naam}</AppLink>
                    </TableCell>
                    <ReadinessCells status={readiness.status} release={readiness.release} datum={readiness.datum} />
                  </TableRow>
                ))}
              </Fragment>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}

/** /ict/leveranciers/:code: one supplier's readiness over all measures, and who waits on it (team). */
export default function SupplierPage() {
  const { code = '' } = useParams();
  const overview = useSupplierOverview(code);
  if (overview.isError && overview.error instanceof ApiError && overview.error.status === 404) {
    return (
      <>
        <title>Leverancier niet gevonden – Spoorboek</title>
        <BackLink />
        <Heading level={1}>Leverancier niet gevonden</Heading>
        <Paragraph>Er is geen leverancier met de code {code}.</Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{overview.isPending ? 'Leverancier laden…' : ''}</StatusMessage>
      {overview.isError && (
        <>
          <title>Leverancier – Spoorboek</title>
          <Heading level={1}>Leverancier</Heading>
          <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
        </>
      )}
      {overview.data && <Overview overview={overview.data} />}
    </>
  );
}
