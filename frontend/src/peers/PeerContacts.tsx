import { Link } from '@utrecht/component-library-react';

import type { CodeName, PeerContact } from './api';
import { mailtoHref } from './format';

/** A peer's contacts who agreed to be named, each with a mailto link; a plain sentence when none did. */
export function PeerContacts({ contacts, measure }: { contacts: PeerContact[]; measure: CodeName }) {
  if (contacts.length === 0) return <>Geen contactpersoon beschikbaar</>;
  return (
    <>
      {contacts.map((person, index) => (
        <span key={person.email}>
          {index > 0 && <br />}
          {person.naam}: <Link href={mailtoHref(person.email, measure)}>{person.email}</Link>
        </span>
      ))}
    </>
  );
}

export const NO_PEER_YET = 'Nog geen gemeente die dit heeft ingevoerd';
