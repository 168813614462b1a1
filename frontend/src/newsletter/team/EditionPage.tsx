import { useQueryClient } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../../api/problem';
import { AppLink } from '../../app/AppLink';
import { NotFoundPage } from '../../app/NotFoundPage';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { editionKeys, useEdition } from './api';
import { EditionForm } from './EditionForm';
import { EDITIONS_PATH, SECTION_KIND_LABELS, STATUS_LABELS } from './labels';
import { PreviewSection } from './PreviewSection';
import { SendingFigures, SendSection, SentNotice } from './SendSection';
import type { EditionDetail } from './types';
import './team.css';

/** Someone else saved first (412): say so, focus the notice and load the newest version. */
function useStale(id: number) {
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale > 0) ref.current?.focus();
  }, [stale]);
  const report = () => {
    setStale((count) => count + 1);
    void queryClient.invalidateQueries({ queryKey: editionKeys.detail(id) });
  };
  return { stale: stale > 0, ref, report, clear: () => setStale(0) };
}

function ReadOnlySections({ edition }: { edition: EditionDetail }) {
  return (
    <section aria-labelledby="secties-kop" className="spoorboek-section">
      <Heading level={2} id="secties-kop">
        Inhoud
      </Heading>
      {edition.inleiding && <Paragraph className="spoorboek-edition-text">{edition.inleiding}</Paragraph>}
      <ol className="spoorboek-edition-sections">
        {edition.secties.map((section, index) => (
          <li key={index} className="spoorboek-edition-section">
            <Heading level={3}>{section.titel}</Heading>
            <Paragraph className="spoorboek-edition-section__kind">{SECTION_KIND_LABELS[section.soort] ?? section.soort}</Paragraph>
            {(section.items ?? []).length > 0 && (
              <ul className="spoorboek-edition-items">
                {(section.items ?? []).map((item, itemIndex) => (
                  <li key={itemIndex}>{item.titel}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function EditionScreen({ edition }: { edition: EditionDetail }) {
  const { stale, ref, report, clear } = useStale(edition.id);
  const [saved, setSaved] = useState('');
  const editable = edition.status === 'concept' || edition.status === 'gepland';
  return (
    <>
      <title>{`${edition.titel} – Nieuwsbrief – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={EDITIONS_PATH}>Terug naar alle edities</AppLink>
      </Paragraph>
      <Heading level={1}>Editie samenstellen</Heading>
      <Paragraph appearance="lead">{edition.titel}</Paragraph>
      <Paragraph>
        Status: <strong>{STATUS_LABELS[edition.status]}</strong>
        {edition.periodeVanaf && (
          <>
            {' '}
            · over wat er gebeurde sinds <DutchDateTime value={edition.periodeVanaf} />
          </>
        )}
        {' '}
        · laatst gewijzigd <DutchDateTime value={edition.gewijzigdOp} />
      </Paragraph>
      {stale && (
        <Alert type="warning" ref={ref} tabIndex={-1} className="spoorboek-error-summary spoorboek-conflict">
          <Heading level={2}>Iemand anders heeft deze editie al gewijzigd</Heading>
          <Paragraph>
            Terwijl u bezig was, heeft iemand anders de editie opgeslagen, ingepland of ingetrokken. Uw wijziging is{' '}
            <strong>niet</strong> opgeslagen, zodat die van de ander niet ongemerkt verloren gaat. De pagina toont nu de
            nieuwste versie; breng uw wijziging zo nodig opnieuw aan.
          </Paragraph>
        </Alert>
      )}
      <StatusMessage>{saved}</StatusMessage>
      {editable ? (
        <>
          {/* A new version (saved here or elsewhere) starts the form again from what the server has. */}
          <EditionForm
            key={edition.versie}
            edition={edition}
            onStale={() => {
              setSaved('');
              report();
            }}
            onSaved={() => {
              clear();
              setSaved('De editie is opgeslagen.');
            }}
          />
          <PreviewSection id={edition.id} version={edition.versie} />
          <SendSection key={`verzenden-${edition.versie}`} edition={edition} onStale={report} />
          <SendingFigures edition={edition} />
        </>
      ) : (
        <>
          <SentNotice edition={edition} />
          <SendingFigures edition={edition} />
          <ReadOnlySections edition={edition} />
          <PreviewSection id={edition.id} version={edition.versie} />
        </>
      )}
    </>
  );
}

/** /nieuwsbrief/edities/:id: compose, preview, test and plan one edition. */
export default function EditionPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const edition = useEdition(valid ? id : 0);
  if (!valid) return <NotFoundPage />;
  if (edition.isError && edition.error instanceof ApiError && edition.error.status === 404) {
    return (
      <>
        <title>Editie niet gevonden – Nieuwsbrief – Spoorboek</title>
        <Heading level={1}>Editie niet gevonden</Heading>
        <Paragraph>
          Deze editie bestaat niet (meer). Bekijk <AppLink to={EDITIONS_PATH}>alle edities</AppLink>.
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{edition.isPending ? 'Editie laden…' : ''}</StatusMessage>
      {edition.isError && <ErrorAlert error={edition.error} onRetry={() => void edition.refetch()} />}
      {edition.data && <EditionScreen edition={edition.data} />}
    </>
  );
}
