import { useMutation } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { confirmSignup } from './api';
import { tokenFromHash } from './logic';
import { Outcome } from '../shared/Outcome';
import { MANAGE_PATH, NEWSLETTER_PATH } from './paths';
import { SubscriptionFacts } from './SubscriptionFacts';

function SignUpAgain() {
  return (
    <Paragraph>
      <AppLink to={NEWSLETTER_PATH}>Meld u opnieuw aan</AppLink>; u krijgt dan een nieuwe link.
    </Paragraph>
  );
}

/**
 * The way on to her subscription: once confirmed, the confirmation mail's link manages it too
 * (until she leaves), and each newsletter carries a link of its own.
 */
function ManageNow({ token }: { token: string }) {
  return (
    <>
      <Heading level={2}>Uw abonnement beheren</Heading>
      <Paragraph>
        <AppLink to={`${MANAGE_PATH}#token=${token}`}>Uw keuze wijzigen, uw gegevens downloaden of wissen, of u
        afmelden</AppLink>. Dat kan later ook met de link in deze bevestigingsmail, en met de persoonlijke link in elke
        nieuwsbrief.
      </Paragraph>
    </>
  );
}

/**
 * /nieuwsbrief/bevestigen#token=…: the link of the confirmation mail. Opening the page confirms
 * nothing: mail scanners open (and some run) every link in a mail, and her consent must be her
 * own click on the button. Doing it twice is harmless.
 */
export default function ConfirmPage() {
  const { hash } = useLocation();
  // Read once: the token stays in the fragment, which no server or log sees.
  const [token] = useState(() => tokenFromHash(hash));
  const confirm = useMutation({ mutationFn: confirmSignup });
  const { mutate } = confirm;

  const status = confirm.error instanceof ApiError ? confirm.error.status : null;
  let content: ReactNode;
  if (token === null || status === 404 || status === 400)
    content = (
      <Outcome type="warning" title="Deze bevestigingslink kennen we niet">
        <Paragraph>
          De link is niet compleet, of er is daarna een nieuwere link verstuurd: alleen de nieuwste werkt. Kopieer de hele
          link uit de nieuwste e-mail en probeer het opnieuw.
        </Paragraph>
        <SignUpAgain />
      </Outcome>
    );
  else if (status === 410)
    content = (
      <Outcome type="warning" title="Deze bevestigingslink is verlopen">
        <Paragraph>Een bevestigingslink werkt 48 uur. Deze is ouder; uw aanmelding is niet doorgegaan.</Paragraph>
        <SignUpAgain />
      </Outcome>
    );
  else if (confirm.isError) content = <ErrorAlert error={confirm.error} onRetry={() => mutate(token)} />;
  else if (confirm.isSuccess)
    content = (
      <>
        <Outcome type="ok" title="Uw aanmelding is bevestigd">
          <Paragraph>U krijgt de nieuwsbrief vanaf de volgende editie.</Paragraph>
        </Outcome>
        <SubscriptionFacts subscription={confirm.data} />
        {token !== null && <ManageNow token={token} />}
      </>
    );
  else
    content = (
      <>
        <Paragraph>
          Wilt u de nieuwsbrief van Spoorboek ontvangen op het adres waar deze link naartoe is gestuurd? Bevestig dat met
          de knop. Heeft u zich niet aangemeld, sluit dan deze pagina: zonder bevestiging krijgt u niets van ons.
        </Paragraph>
        <ButtonGroup>
          <PrimaryActionButton
            type="button"
            busy={confirm.isPending}
            disabled={confirm.isPending}
            onClick={() => mutate(token)}
          >
            Aanmelding bevestigen
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{confirm.isPending ? 'Aanmelding bevestigen…' : ''}</StatusMessage>
      </>
    );

  return (
    <>
      <title>Aanmelding bevestigen – Nieuwsbrief – Spoorboek</title>
      <Heading level={1}>Aanmelding voor de nieuwsbrief bevestigen</Heading>
      {content}
    </>
  );
}
