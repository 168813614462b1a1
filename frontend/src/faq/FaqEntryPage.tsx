import { Alert, ButtonGroup, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { lazy, Suspense } from 'react';
import { useLocation, useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink, ButtonAppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { isEditor, useCurrentUser } from '../auth/session';
import { DataTable } from '../shared/DataTable';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useFaqEntry, useFaqVersions, type FaqEntry } from './api';
import { FaqFacts } from './FaqFacts';

// Only editors withdraw; the public never downloads that form.
const WithdrawSection = lazy(() => import('./WithdrawSection'));

function Versions({ id }: { id: number }) {
  const versions = useFaqVersions(id);
  return (
    <section aria-labelledby="versies-kop" className="spoorboek-section">
      <Heading level={2} id="versies-kop">
        Versies
      </Heading>
      <StatusMessage>{versions.isPending ? 'Versies laden…' : ''}</StatusMessage>
      {versions.isError && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.data && versions.data.length > 0 && (
        <DataTable id="versies-tabel" caption="Alle gepubliceerde versies, nieuwste eerst" columns={['Versie', 'Gepubliceerd op', 'Wat is er veranderd']}>
          {[...versions.data].reverse().map((version) => (
            <TableRow key={version.versie}>
              <TableCell>{version.versie}</TableCell>
              <TableCell>
                <DutchDay value={version.gepubliceerdOp} />
              </TableCell>
              <TableCell>{version.wijzigingsnotitie}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function Entry({ entry, editor }: { entry: FaqEntry; editor: boolean }) {
  const { state } = useLocation() as { state: { published?: boolean } | null };
  return (
    <>
      <title>{`${entry.vraag} – Veelgestelde vragen – Spoorboek`}</title>
      <Paragraph>
        <AppLink to="/faq">Alle veelgestelde vragen</AppLink>
      </Paragraph>
      <Heading level={1}>{entry.vraag}</Heading>
      {state?.published && (
        <Alert type="ok" role="status">
          <Paragraph>De veelgestelde vraag is gepubliceerd (versie {entry.versie}).</Paragraph>
        </Alert>
      )}
      {entry.status === 'ingetrokken' && (
        <Alert type="warning" role="note">
          <Paragraph>Deze vraag is ingetrokken en staat niet meer in de openbare lijst.</Paragraph>
        </Alert>
      )}
      <FaqFacts entry={entry} withMeasures />
      <section aria-labelledby="antwoord-kop" className="spoorboek-section">
        <Heading level={2} id="antwoord-kop">
          Antwoord
        </Heading>
        <Paragraph className="spoorboek-text">{entry.antwoord}</Paragraph>
      </section>
      {editor && entry.status === 'gepubliceerd' && (
        <ButtonGroup>
          <ButtonAppLink to={`/faq/${entry.id}/nieuwe-versie`} appearance="secondary-action">
            Nieuwe versie
          </ButtonAppLink>
        </ButtonGroup>
      )}
      <Versions id={entry.id} />
      {editor && entry.status === 'gepubliceerd' && (
        <Suspense fallback={<StatusMessage>Onderdelen laden…</StatusMessage>}>
          <WithdrawSection entry={entry} />
        </Suspense>
      )}
    </>
  );
}

/** /faq/:id: one question and answer with its legal articles and versions (public). */
export default function FaqEntryPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const editor = isEditor(useCurrentUser());
  const entry = useFaqEntry(id, valid);
  if (!valid) return <NotFoundPage />;
  if (entry.isError && entry.error instanceof ApiError && entry.error.status === 404) {
    return (
      <>
        <title>Vraag niet gevonden – Spoorboek</title>
        <Heading level={1}>Vraag niet gevonden</Heading>
        <Paragraph>
          Deze veelgestelde vraag bestaat niet, of is ingetrokken. Bekijk de{' '}
          <AppLink to="/faq">veelgestelde vragen</AppLink>.
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{entry.isPending ? 'Vraag laden…' : ''}</StatusMessage>
      {entry.isError && <ErrorAlert error={entry.error} onRetry={() => void entry.refetch()} />}
      {entry.data && <Entry entry={entry.data} editor={editor} />}
    </>
  );
}
