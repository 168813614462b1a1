import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { municipalityPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useUsageHistory } from './api';
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

function History({ code }: { code: string }) {
  const history = useUsageHistory(code);
  if (history.isError && history.error instanceof ApiError && history.error.status === 404) {
    return (
      <>
        <title>Gemeente niet gevonden – Spoorboek</title>
        <Heading level={1}>Gemeente niet gevonden</Heading>
        <Paragraph>Er is geen gemeente met de code {code}, of u werkt niet voor deze gemeente.</Paragraph>
      </>
    );
  }
  const name = history.data?.gemeente.naam;
  const changes = history.data?.resultaten ?? [];
  return (
    <>
      <title>{`Geschiedenis van de applicaties${name ? ` – ${name}` : ''} – Spoorboek`}</title>
      <BackLink code={code} name={name} />
      <Heading level={1}>Geschiedenis van de applicaties{name ? ` van ${name}` : ''}</Heading>
      <Paragraph appearance="lead">
        Elke wijziging van de applicatie per domein blijft bewaard, met de bron: de gemeente zelf, het programmateam of een
        import uit de softwarecatalogus.
      </Paragraph>
      <StatusMessage>
        {history.isPending ? 'Geschiedenis laden…' : history.data && changes.length === 0 ? 'Er is nog geen applicatie opgegeven of gewijzigd.' : ''}
      </StatusMessage>
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {name && changes.length > 0 && <HistoryTable name={name} changes={changes} />}
    </>
  );
}

/** /ict/gemeenten/:code/historie: every change of a municipality's applications (its contacts and the team). */
export default function UsageHistoryPage() {
  const { code = '' } = useParams();
  if (!MUNICIPALITY_CODE.test(code)) return <NotFoundPage />;
  return <History key={code} code={code} />;
}
