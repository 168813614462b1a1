import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { storeAnswer } from '../app/queryClient';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { changeByToken, eraseByToken, exportByToken, fetchByToken, leaveByToken, newsletterKeys, type Subscription } from './api';
import { ChoicesForm } from './ChoicesForm';
import { tokenFromHash } from './logic';
import { Outcome } from '../shared/Outcome';
import { NEWSLETTER_PATH } from './paths';
import { SubscriptionFacts } from './SubscriptionFacts';

/** Offers the export as a file; the data never leaves her browser otherwise. */
function download(data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = 'nieuwsbrief-gegevens.json';
  anchor.click();
  URL.revokeObjectURL(url);
}

function NoLink() {
  return (
    <Outcome type="info" title="Open deze pagina met de link uit een e-mail">
      <Paragraph>
        In elke nieuwsbrief staat een persoonlijke link naar deze pagina. Daarmee wijzigt u uw
        keuze, downloadt of wist u uw gegevens, of meldt u zich af, zonder in te loggen. Werkt de link niet, kopieer dan
        de hele link uit de e-mail.
      </Paragraph>
      <Paragraph>
        Nog geen nieuwsbrief gehad, of de e-mail kwijt? Meld uw adres aan op de{' '}
        <AppLink to={NEWSLETTER_PATH}>pagina van de nieuwsbrief</AppLink>. Bent u al geabonneerd, dan krijgt u een
        e-mail met de link, en verandert er niets aan uw keuze.
      </Paragraph>
    </Outcome>
  );
}

function Leave({ token, onLeft }: { token: string; onLeft: (subscription: Subscription) => void }) {
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: async () => {
      await leaveByToken(token);
      return fetchByToken(token);
    },
    onSuccess: async (subscription) => {
      await storeAnswer(queryClient, newsletterKeys.byToken(token), subscription);
      onLeft(subscription);
    },
  });
  return (
    <section aria-labelledby="afmelden">
      <Heading level={2} id="afmelden">Afmelden</Heading>
      <Paragraph>U krijgt dan geen nieuwsbrief meer. Wilt u later weer, dan kiest u hierboven opnieuw wat u wilt ontvangen.</Paragraph>
      {leave.isError && <ErrorAlert error={leave.error} />}
      <ButtonGroup>
        <PrimaryActionButton type="button" busy={leave.isPending} disabled={leave.isPending} onClick={() => leave.mutate()}>
          Afmelden voor de nieuwsbrief
        </PrimaryActionButton>
      </ButtonGroup>
    </section>
  );
}

function Erase({ token, onErased }: { token: string; onErased: () => void }) {
  const [asking, setAsking] = useState(false);
  const erase = useMutation({ mutationFn: () => eraseByToken(token), onSuccess: onErased });
  return (
    <section aria-labelledby="wissen">
      <Heading level={2} id="wissen">Alles wissen</Heading>
      <Paragraph>
        Wist uw abonnement, welke edities we u stuurden en uw adres in de verzonden e-mail. Dit kan niet ongedaan worden
        gemaakt.
      </Paragraph>
      {erase.isError && <ErrorAlert error={erase.error} />}
      {asking ? (
        <>
          <Paragraph>
            <strong>Weet u het zeker?</strong> Daarna werkt deze link niet meer.
          </Paragraph>
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={erase.isPending} disabled={erase.isPending} onClick={() => erase.mutate()}>
              Ja, wis alles
            </PrimaryActionButton>
            <SecondaryActionButton type="button" onClick={() => setAsking(false)}>
              Nee, niet wissen
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      ) : (
        <ButtonGroup>
          <SecondaryActionButton type="button" onClick={() => setAsking(true)}>
            Alles wissen…
          </SecondaryActionButton>
        </ButtonGroup>
      )}
    </section>
  );
}

function Export({ token }: { token: string }) {
  const exported = useMutation({ mutationFn: () => exportByToken(token), onSuccess: download });
  return (
    <section aria-labelledby="downloaden">
      <Heading level={2} id="downloaden">Uw gegevens downloaden</Heading>
      <Paragraph>Alles wat Spoorboek over dit adres bewaart, als JSON-bestand.</Paragraph>
      {exported.isError && <ErrorAlert error={exported.error} />}
      <ButtonGroup>
        <SecondaryActionButton type="button" busy={exported.isPending} disabled={exported.isPending} onClick={() => exported.mutate()}>
          Gegevens downloaden
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{exported.isSuccess ? 'Het bestand nieuwsbrief-gegevens.json is gedownload.' : ''}</StatusMessage>
    </section>
  );
}

function Manage({ token, subscription }: { token: string; subscription: Subscription }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<'afgemeld' | 'gewist' | null>(null);
  const store = (saved: Subscription) => storeAnswer(queryClient, newsletterKeys.byToken(token), saved);
  if (outcome === 'gewist')
    return (
      <Outcome type="ok" title="Alles is gewist">
        <Paragraph>
          We bewaren niets meer over dit adres. <AppLink to={NEWSLETTER_PATH}>Opnieuw aanmelden</AppLink> kan altijd.
        </Paragraph>
      </Outcome>
    );
  return (
    <>
      {outcome === 'afgemeld' && (
        <Outcome type="ok" title="U bent afgemeld">
          <Paragraph>U krijgt geen nieuwsbrief meer. Uw keuze hieronder weer opslaan zet het abonnement voort.</Paragraph>
        </Outcome>
      )}
      <SubscriptionFacts subscription={subscription} />
      <section aria-labelledby="keuze">
        <Heading level={2} id="keuze">Wat u ontvangt</Heading>
        <ChoicesForm
          prefix="beheren"
          subscription={subscription}
          save={(body) => changeByToken(token, body)}
          onSaved={async (saved) => {
            await store(saved);
            setOutcome(null);
          }}
          submitLabel={subscription.status === 'afgemeld' ? 'Opnieuw abonneren' : 'Keuze opslaan'}
          savedText="Uw keuze is opgeslagen."
        />
      </section>
      <Export token={token} />
      {subscription.status !== 'afgemeld' && <Leave token={token} onLeft={() => setOutcome('afgemeld')} />}
      <Erase token={token} onErased={() => setOutcome('gewist')} />
    </>
  );
}

/** /nieuwsbrief/beheren#token=…: the link in every mail of the nieuwsbrief, without logging in. */
export default function ManagePage() {
  const { hash } = useLocation();
  // Read once: the token stays in the fragment, which no server or log sees.
  const [token] = useState(() => tokenFromHash(hash));
  const found = useQuery({
    queryKey: newsletterKeys.byToken(token ?? ''),
    queryFn: ({ signal }) => fetchByToken(token ?? '', signal),
    enabled: token !== null,
    retry: false,
  });

  let content: ReactNode;
  if (token === null) content = <NoLink />;
  else if (found.error instanceof ApiError && [400, 404].includes(found.error.status))
    content = (
      <Outcome type="warning" title="Deze link kennen we niet">
        <Paragraph>
          De link is niet compleet, of het abonnement is gewist. Kopieer de hele link uit de e-mail, of{' '}
          <AppLink to={NEWSLETTER_PATH}>meld u opnieuw aan</AppLink>.
        </Paragraph>
      </Outcome>
    );
  else if (found.isPending) content = <StatusMessage>Abonnement ophalen…</StatusMessage>;
  else if (found.isError) content = <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />;
  else content = <Manage token={token} subscription={found.data} />;

  return (
    <>
      <title>Abonnement beheren – Nieuwsbrief – Spoorboek</title>
      <Heading level={1}>Uw abonnement op de nieuwsbrief</Heading>
      {content}
    </>
  );
}
