import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { hasRole, isEditor, useCurrentUser } from '../auth/session';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useSignal } from './api';
import { EditSignalSection } from './EditSignalSection';
import { EvidenceSection } from './EvidenceSection';
import { LifecycleActions } from './LifecycleActions';
import { MY_SIGNALS_PATH, publicSignalPath, REGISTER_PATH } from './paths';
import { ResponseSection, SignalFacts } from './SignalFacts';
import { SignalHistory } from './SignalHistory';
import { StaleNotice } from '../forms/StaleNotice';
import { SupportView } from './SupportSection';
import type { SignalRead } from './types';
import { StaleContext } from './useSignalChange';
import './signals.css';

function BackLink({ team }: { team: boolean }) {
  return (
    <Paragraph>
      {team ? <AppLink to={REGISTER_PATH}>Terug naar het register</AppLink> : <AppLink to={MY_SIGNALS_PATH}>Terug naar mijn signalen</AppLink>}
    </Paragraph>
  );
}

function NotFound({ team }: { team: boolean }) {
  return (
    <>
      <title>Signaal niet gevonden – Spoorboek</title>
      <Heading level={1}>Signaal niet gevonden</Heading>
      <Paragraph>
        Dit signaal bestaat niet, of u kunt het niet zien. Bekijk{' '}
        {team ? <AppLink to={REGISTER_PATH}>het register</AppLink> : <AppLink to={MY_SIGNALS_PATH}>uw signalen</AppLink>}.
      </Paragraph>
    </>
  );
}

function SignalView({ signal, team }: { signal: SignalRead; team: boolean }) {
  const { state } = useLocation() as { state: { reported?: boolean } | null };
  const contact = hasRole(useCurrentUser(), 'gemeente');
  return (
    <>
      <title>{`Signaal ${signal.id}: ${signal.titel} – Spoorboek`}</title>
      <BackLink team={team} />
      <Heading level={1}>
        Signaal {signal.id}: {signal.titel}
      </Heading>
      {state?.reported && (
        <Alert type="ok" role="status">
          <Paragraph>
            {team
              ? 'Het signaal is vastgelegd.'
              : 'Uw signaal is gemeld. Het programmateam bekijkt het; u vindt het onder Mijn signalen en hoort het als er een reactie is.'}
          </Paragraph>
        </Alert>
      )}
      {signal.openbaar && (
        <Paragraph>
          Dit signaal staat in het <AppLink to={publicSignalPath(signal.id)}>openbare register</AppLink>.
        </Paragraph>
      )}
      <SignalFacts signal={signal} team={team} />
      <section aria-labelledby="omschrijving-kop" className="spoorboek-section">
        <Heading level={2} id="omschrijving-kop">
          Omschrijving
        </Heading>
        <Paragraph className="spoorboek-text">{signal.omschrijving}</Paragraph>
      </section>
      {signal.doorgezet && (
        <section aria-labelledby="doorgezet-kop" className="spoorboek-section">
          <Heading level={2} id="doorgezet-kop">
            Doorgezet
          </Heading>
          <Paragraph className="spoorboek-text">{signal.doorgezet.tekst}</Paragraph>
        </section>
      )}
      {signal.redenAfwijzing && signal.status === 'afgewezen' ? (
        <section aria-labelledby="afgewezen-kop" className="spoorboek-section">
          <Heading level={2} id="afgewezen-kop">
            Afgewezen
          </Heading>
          <Paragraph className="spoorboek-text">{signal.redenAfwijzing}</Paragraph>
        </section>
      ) : (
        <ResponseSection response={signal.reactie} status={signal.status} passedTo={signal.doorgezetAan} />
      )}
      {contact && !team && <SupportView signal={signal} />}
      {!team && signal.ookBij.length > 0 && (
        <Paragraph>Ook bij: {signal.ookBij.map((support) => support.gemeente.naam).join(', ')}.</Paragraph>
      )}
      {team && (
        <>
          <LifecycleActions signal={signal} />
          <EvidenceSection signal={signal} />
          <EditSignalSection signal={signal} />
          <SignalHistory signal={signal} />
        </>
      )}
    </>
  );
}

/** /signalen/:id: one signal, with what each may see and do (the API decides who may see it). */
export default function SignalPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const team = isEditor(useCurrentUser());
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const signal = useSignal(id, valid);
  const [stale, setStale] = useState(0);
  const staleRef = useRef<HTMLDivElement>(null);
  const reportStale = useCallback(() => setStale((count) => count + 1), []);
  useEffect(() => {
    if (stale > 0) staleRef.current?.focus();
  }, [stale]);

  if (!valid) return <NotFoundPage />;
  if (signal.isError && signal.error instanceof ApiError && signal.error.status === 404) return <NotFound team={team} />;
  return (
    <StaleContext.Provider value={reportStale}>
      {stale > 0 && <StaleNotice ref={staleRef} thing="dit signaal" changed="het signaal (de status, de tekst of het bewijs)" />}
      <StatusMessage>{signal.isPending ? 'Signaal laden…' : ''}</StatusMessage>
      {signal.isError && <ErrorAlert error={signal.error} onRetry={() => void signal.refetch()} />}
      {signal.data && <SignalView signal={signal.data} team={team} />}
    </StaleContext.Provider>
  );
}
