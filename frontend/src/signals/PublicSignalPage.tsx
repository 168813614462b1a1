import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { isEditor, useCurrentUser } from '../auth/session';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { usePublicSignal } from './api';
import { bodyLabel, kindLabel, statusLabel } from './labels';
import { OpenDataLinks } from './OpenDataLinks';
import { PUBLIC_PATH, signalPath } from './paths';
import { reachSentence, ResponseSection } from './SignalFacts';
import { SupportForContact } from './SupportSection';
import type { PublicSignal } from './types';
import './signals.css';

function PublicSignalView({ signal }: { signal: PublicSignal }) {
  const team = isEditor(useCurrentUser());
  return (
    <>
      <title>{`${signal.titel} – Signalen uit de praktijk – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={PUBLIC_PATH}>Alle signalen uit de praktijk</AppLink>
      </Paragraph>
      <Heading level={1}>{signal.titel}</Heading>
      <Paragraph appearance="lead">{reachSentence(signal.bereik)}</Paragraph>
      {team && (
        <Paragraph>
          <AppLink to={signalPath(signal.id)}>Dit signaal in het register</AppLink> (met bewijs en geschiedenis).
        </Paragraph>
      )}
      <FactList
        facts={[
          ['Status', statusLabel(signal.status)],
          ['Soort', kindLabel(signal.soort)],
          [
            'Maatregelen',
            signal.maatregelen.length > 0
              ? signal.maatregelen.map((measure) => `${measure.code} ${measure.naam}`).join('; ')
              : 'Geen bepaalde maatregel',
          ],
          ['Gemeenten', `${signal.bereik.gemeenten}`],
          ['Doorgezet aan', signal.doorgezetAan ? bodyLabel(signal.doorgezetAan) : 'Nog niet doorgezet'],
          ['Gemeld op', <DutchDay key="gemeld" value={signal.aangemaaktOp} />],
        ]}
      />
      <section aria-labelledby="omschrijving-kop" className="spoorboek-section">
        <Heading level={2} id="omschrijving-kop">
          Omschrijving
        </Heading>
        <Paragraph className="spoorboek-text">{signal.omschrijving}</Paragraph>
      </section>
      <ResponseSection response={signal.reactie} status={signal.status} passedTo={signal.doorgezetAan} />
      <SupportForContact signalId={signal.id} />
      <OpenDataLinks />
    </>
  );
}

/** /openbare-signalen/:id: one public signal, for everyone; a municipal contact can say "ook bij ons". */
export default function PublicSignalPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const signal = usePublicSignal(id, valid);
  if (!valid) return <NotFoundPage />;
  if (signal.isError && signal.error instanceof ApiError && signal.error.status === 404) {
    return (
      <>
        <title>Signaal niet gevonden – Spoorboek</title>
        <Heading level={1}>Signaal niet gevonden</Heading>
        <Paragraph>
          Dit signaal bestaat niet of is niet openbaar. Bekijk <AppLink to={PUBLIC_PATH}>alle signalen uit de praktijk</AppLink>.
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{signal.isPending ? 'Signaal laden…' : ''}</StatusMessage>
      {signal.isError && <ErrorAlert error={signal.error} onRetry={() => void signal.refetch()} />}
      {signal.data && <PublicSignalView signal={signal.data} />}
    </>
  );
}
