import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';

import { AppLink } from '../app/AppLink';
import { StaleNotice } from '../forms/StaleNotice';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useSuppliers } from './api';
import { ConsentButton } from './ConsentButton';
import { IMPORT_PATH, supplierPath, supplierSignalsPath } from './paths';
import type { SupplierListItem } from './types';
import { useStale } from './useStale';

/** The number of open signals naming the supplier, linked to them in the register. */
function OpenSignalsCell({ supplier }: { supplier: SupplierListItem }) {
  const count = supplier.openSignalen;
  if (count === 0) return 'Geen';
  return (
    <AppLink to={supplierSignalsPath(supplier.code)}>
      {count.toLocaleString('nl-NL')}{' '}
      <span className="spoorboek-visually-hidden">open {count === 1 ? 'signaal' : 'signalen'} over {supplier.naam}</span>
    </AppLink>
  );
}

/** /ict/leveranciers: the suppliers, their applications, the open signals about them and their consent to public figures (team). */
export default function SuppliersPage() {
  const suppliers = useSuppliers();
  const { shown: staleShown, ref: staleRef, report: reportStale } = useStale();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const list = suppliers.data ?? [];

  let status = message;
  if (suppliers.isPending) status = 'Leveranciers laden…';
  else if (suppliers.data && list.length === 0) status = 'Er zijn nog geen leveranciers.';

  return (
    <>
      <title>Leveranciers – Spoorboek</title>
      <Heading level={1}>Leveranciers</Heading>
      <Paragraph appearance="lead">
        De leveranciers van gemeentelijke software in het sociaal domein, met hun applicaties. Kies een leverancier om
        te zien hoe gereed zij is per maatregel en hoeveel gemeenten op haar wachten.
      </Paragraph>
      <Paragraph>
        Het publiek ziet de cijfers van een leverancier alleen onder haar eigen naam als zij daarmee instemde; de
        andere tellen samen mee. Welke gemeente welke applicatie gebruikt, leest u in met een{' '}
        <AppLink to={IMPORT_PATH}>export van een softwarecatalogus</AppLink>.
      </Paragraph>
      {staleShown && <StaleNotice ref={staleRef} thing="deze instemming" changed="de instemming van de leverancier" />}
      {failure !== null && <ErrorAlert error={failure} />}
      <StatusMessage>{status}</StatusMessage>
      {suppliers.isError && <ErrorAlert error={suppliers.error} onRetry={() => void suppliers.refetch()} />}
      {list.length > 0 && (
        <DataTable
          id="leveranciers-tabel"
          caption="Leveranciers, hun applicaties, de open signalen over hen en hun instemming met openbare cijfers"
          columns={['Leverancier', 'Applicaties', 'Open signalen', 'Cijfers openbaar onder eigen naam', 'Wijzigen']}
        >
          {list.map((supplier) => (
            <TableRow key={supplier.code}>
              <TableHeaderCell scope="row" className="spoorboek-row-header">
                <AppLink to={supplierPath(supplier.code)}>{supplier.naam}</AppLink>
              </TableHeaderCell>
              <TableCell>{supplier.applicaties.toLocaleString('nl-NL')}</TableCell>
              <TableCell>
                <OpenSignalsCell supplier={supplier} />
              </TableCell>
              <TableCell>{supplier.cijfersOpenbaar ? 'Ja, ingestemd' : 'Nee'}</TableCell>
              <TableCell>
                <ConsentButton
                  supplier={supplier}
                  shown={supplier.cijfersOpenbaar}
                  onDone={(saved) => {
                    setFailure(null);
                    setMessage(
                      saved.cijfersOpenbaar
                        ? `${saved.naam} staat nu met eigen cijfers op het dashboard.`
                        : `${saved.naam} telt nu mee bij de overige leveranciers.`,
                    );
                  }}
                  onStale={reportStale}
                  onFailed={setFailure}
                />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
