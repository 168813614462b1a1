import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { municipalityPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { PagedResults } from '../shared/PagedResults';
import { pageFrom } from '../shared/Pagination';
import { counted, usePagedList } from '../shared/usePagedList';
import { usageHistoryQuery } from './api';
import { DOMAIN_LABELS, sourceLabel, whoText } from './labels';
import type { UsageChange } from './types';

const MUNICIPALITY_CODE = /^GM\d{4}$/;

function BackLink({ code, name }: { code: string; name?: string }) {
  return (
    <Paragraph>
      <AppLink to={municipalityPath(code)}>Terug naar {name ?? 'de gemeente'}</AppLink>
    </Paragraph>
  );
}

function HistoryTable({ name, changes }: { name: string; changes: UsageChange[] }) {
  return (
    <DataTable
      id="applicatie-historie"
      caption={`Wijzigingen van de applicaties van ${name}, nieuwste eerst`}
      columns={['Op', 'Domein', 'Applicatie', 'Bron', 'Door']}
    >
      {changes.map((change, index) => (
        <TableRow key={`${change.op}-${change.domein}-${index}`}>
          <TableCell className="spoorboek-nowrap">
            <DutchDateTime value={change.op} />
          </TableCell>
          <TableCell>{DOMAIN_LABELS[change.domein]}</TableCell>
          <TableCell>{change.applicatie ? `${change.applicatie.naam}, van ${change.applicatie.leverancier.naam}` : 'Geen'}</TableCell>
          <TableCell>{sourceLabel(change.bron)}</TableCell>
          <TableCell>{whoText(change.door)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** Changes to a page: a municipality's four domains change seldom, but imports can run often. */
const PAGE_SIZE = 25;

function History({ code }: { code: string }) {
  const list = usePagedList({
    filtersFrom: (params) => ({ pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE }),
    query: (filters) => usageHistoryQuery(code, filters),
    messages: {
      loading: 'Geschiedenis laden…',
      updating: 'Geschiedenis bijwerken…',
      empty: 'Er is nog geen applicatie opgegeven of gewijzigd.',
      found: ({ total }) => `${counted(total, 'wijziging', 'wijzigingen')}, nieuwste eerst.`,
    },
  });
  const { query } = list;
  if (query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return (
      <>
        <title>Gemeente niet gevonden – Spoorboek</title>
        <Heading level={1}>Gemeente niet gevonden</Heading>
        <Paragraph>Er is geen gemeente met de code {code}, of u werkt niet voor deze gemeente.</Paragraph>
      </>
    );
  }
  const name = query.data?.gemeente.naam;
  return (
    <>
      <title>{`Geschiedenis van de applicaties${name ? ` – ${name}` : ''} – Spoorboek`}</title>
      <BackLink code={code} name={name} />
      <Heading level={1}>Geschiedenis van de applicaties{name ? ` van ${name}` : ''}</Heading>
      <Paragraph appearance="lead">
        Elke wijziging van de applicatie per domein blijft bewaard, met de bron: de gemeente zelf, het programmateam of een
        import uit de softwarecatalogus.
      </Paragraph>
      <PagedResults list={list} heading="Wijzigingen">
        {(page) => <HistoryTable name={page.gemeente.naam} changes={page.resultaten} />}
      </PagedResults>
    </>
  );
}

/** /ict/gemeenten/:code/historie: every change of a municipality's applications (its contacts and the team). */
export default function UsageHistoryPage() {
  const { code = '' } = useParams();
  if (!MUNICIPALITY_CODE.test(code)) return <NotFoundPage />;
  return <History key={code} code={code} />;
}
