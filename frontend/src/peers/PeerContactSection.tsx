import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';

import { storeAnswer } from '../app/queryClient';
import type { User } from '../auth/session';
import { CheckboxField } from '../forms/fields';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchMyPeerContact, peerKeys, setMyPeerContact, type PeerContactChoice } from './api';

export const PEER_CONTACT_SECTION_ID = 'collegiaal-contact';

/** Only a contact of a municipality (or of a shared service) can be named to peers. */
export function canBePeerContact(user: User): boolean {
  return user.rollen.includes('gemeente') && user.gemeenten.length > 0;
}

export function savedText(saved: PeerContactChoice): string {
  return saved.akkoord
    ? 'Opgeslagen. Vergelijkbare gemeenten zien uw naam en e-mailadres bij de maatregelen die uw gemeente al invoerde.'
    : 'Opgeslagen. Andere gemeenten zien uw naam en e-mailadres niet.';
}

function ChoiceForm({ mine }: { mine: PeerContactChoice }) {
  const queryClient = useQueryClient();
  const [agreed, setAgreed] = useState(mine.akkoord);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: setMyPeerContact,
    onSuccess: async (saved) => {
      await storeAnswer(queryClient, peerKeys.mine, saved);
      // The peers shown anywhere may name her now, or no longer.
      void queryClient.invalidateQueries({ queryKey: ['prive', 'collegas'] });
      setMessage(savedText(saved));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    save.mutate(agreed);
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Collegiaal contact">
      {save.isError && <ErrorAlert error={save.error} />}
      <CheckboxField
        id="collegiaal-contact-akkoord"
        label="Ik wil collegiaal contact zijn voor andere gemeenten"
        description="U kunt dit altijd weer uitzetten; dan ziet niemand uw gegevens er meer bij."
        checked={agreed}
        onChange={setAgreed}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
          Keuze opslaan
        </PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}

/**
 * Collegiaal contact under Mijn account: whether similar municipalities that have yet to
 * implement a measure hers already did may see her name and e-mail address. No by default.
 */
export function PeerContactSection({ user }: { user: User }) {
  const contact = canBePeerContact(user);
  const mine = useQuery({
    queryKey: peerKeys.mine,
    queryFn: ({ signal }) => fetchMyPeerContact(signal),
    enabled: contact,
  });
  if (!contact) return null;

  let content: ReactNode;
  if (mine.isPending) content = <StatusMessage>Keuze laden…</StatusMessage>;
  else if (mine.isError) content = <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  else content = <ChoiceForm mine={mine.data} />;

  return (
    <section aria-labelledby={PEER_CONTACT_SECTION_ID} className="spoorboek-section">
      <Heading level={2} id={PEER_CONTACT_SECTION_ID} tabIndex={-1}>
        Collegiaal contact
      </Heading>
      <Paragraph>
        Gemeenten die een maatregel nog moeten invoeren, zien welke vergelijkbare gemeenten dat al deden. Als u
        instemt, zien zij en het implementatieteam daar ook uw naam en e-mailadres, zodat zij u om raad kunnen vragen.
        Zonder uw instemming noemen we u nergens.
      </Paragraph>
      {content}
    </section>
  );
}
