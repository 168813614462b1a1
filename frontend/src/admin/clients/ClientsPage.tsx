import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ButtonGroup,
  Code,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';

import { AppLink, ButtonAppLink } from '../../app/AppLink';
import { CLIENT_KIND_LABELS, SCOPE_LABELS } from '../../auth/labels';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { adminKeys, fetchClients } from '../api';
import { pageFrom, Pagination } from '../Pagination';
import { ScrollTable } from '../ScrollTable';
import { useFocusOnChange } from '../useFocusOnChange';

export default function ClientsPage() {
  const [params] = useSearchParams();
  const page = pageFrom(params.get('pagina'));
  const clients = useQuery({
    queryKey: adminKeys.clients(page),
    queryFn: ({ signal }) => fetchClients(page, signal),
    placeholderData: keepPreviousData,
  });
  const resultsRef = useFocusOnChange(params.toString());

  let status = '';
  if (clients.isPending) status = 'Koppelingen laden…';
  else if (clients.data) {
    const { totaal } = clients.data.paginering;
    status =
      totaal === 0
        ? 'Er zijn nog geen koppelingen.'
        : `${totaal} ${totaal === 1 ? 'koppeling' : 'koppelingen'}.`;
  }

  return (
    <>
      <title>Koppelingen – Beheer – Spoorboek</title>
      <Heading level={1}>Koppelingen</Heading>
      <Paragraph appearance="lead">
        Systemen van ketenpartners en gemeenten die de API van Spoorboek gebruiken (OAuth 2.0 client
        credentials).
      </Paragraph>
      <ButtonGroup>
        <ButtonAppLink to="/beheer/koppelingen/nieuw">Koppeling aanmaken</ButtonAppLink>
      </ButtonGroup>
      <Heading level={2} id="resultaten" tabIndex={-1} ref={resultsRef}>
        Alle koppelingen
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {clients.isError && <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />}
      {clients.data && clients.data.resultaten.length > 0 && (
        <>
          <ScrollTable labelledBy="resultaten">
            <Table className="spoorboek-table" aria-labelledby="resultaten">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Naam</TableHeaderCell>
                  <TableHeaderCell scope="col">Client-id</TableHeaderCell>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Rechten</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Aangemaakt</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {clients.data.resultaten.map((client) => (
                  <TableRow key={client.clientId}>
                    <TableCell>
                      <AppLink to={`/beheer/koppelingen/${client.clientId}`}>{client.naam}</AppLink>
                    </TableCell>
                    <TableCell>
                      <Code>{client.clientId}</Code>
                    </TableCell>
                    <TableCell>{CLIENT_KIND_LABELS[client.soort]}</TableCell>
                    <TableCell>{client.scopes.map((scope) => SCOPE_LABELS[scope]).join(', ')}</TableCell>
                    <TableCell>{client.actief ? 'Actief' : 'Ingetrokken'}</TableCell>
                    <TableCell>
                      <DutchDateTime value={client.aangemaaktOp} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTable>
          <Pagination
            page={clients.data.paginering.pagina}
            pages={clients.data.paginering.aantalPaginas}
            hrefFor={(target) => ({ search: `pagina=${target}` })}
          />
        </>
      )}
    </>
  );
}
