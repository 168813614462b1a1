import {
  ButtonGroup,
  Code,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

import { AppLink, ButtonAppLink } from '../../app/AppLink';
import { CLIENT_KIND_LABELS, SCOPE_LABELS } from '../../auth/labels';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { adminKeys, fetchClients } from '../api';
import { pageFrom } from '../../shared/Pagination';
import { ResultList } from '../../shared/ResultList';
import { counted, usePagedList } from '../../shared/usePagedList';

export default function ClientsPage() {
  const clients = usePagedList({
    filtersFrom: (params) => pageFrom(params.get('pagina')),
    query: (page: number) => ({
      queryKey: adminKeys.clients(page),
      queryFn: ({ signal }) => fetchClients(page, signal),
    }),
    messages: {
      loading: 'Koppelingen laden…',
      empty: 'Er zijn nog geen koppelingen.',
      found: ({ total }) => `${counted(total, 'koppeling', 'koppelingen')}.`,
    },
  });

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
      <ResultList
        heading="Alle koppelingen"
        list={clients}
        columns={
          <>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Client-id</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Rechten</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Aangemaakt</TableHeaderCell>
          </>
        }
        renderRow={(client) => (
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
        )}
      />
    </>
  );
}
