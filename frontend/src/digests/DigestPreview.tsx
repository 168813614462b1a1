import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { AppLink } from '../app/AppLink';
import { TrafficLightBadge } from '../progress/TrafficLightBadge';
import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import type { DigestPreview as Preview, DigestSection } from './api';

/** The mail links to the website; in the SPA the same page opens without a reload. */
export function appPath(link: string): string {
  try {
    const url = new URL(link);
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return link;
  }
}

function Part({ title, children }: { title: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <>
      <Heading level={4}>{title}</Heading>
      <UnorderedList>{children}</UnorderedList>
    </>
  );
}

function Municipality({ section }: { section: DigestSection }) {
  const empty =
    !section.startdata.length && !section.veranderd.length && !section.nieuw.length && !section.bijeenkomsten.length;
  return (
    <>
      <Heading level={3}>
        {section.gemeente.naam} ({section.gemeente.code})
      </Heading>
      {empty && <Paragraph>Niets te melden: geen startdata, achterstanden of nieuws.</Paragraph>}
      <Part title="Uiterlijk beginnen">
        {section.startdata.map((d) => (
          <UnorderedListItem key={d.maatregel.code}>
            <DutchDate value={d.moetStartenOp} />:{' '}
            <AppLink to={appPath(d.link)}>
              {d.maatregel.code} {d.maatregel.naam}
            </AppLink>{' '}
            (<TrafficLightBadge light={d.verkeerslicht} />)
          </UnorderedListItem>
        ))}
      </Part>
      <Part title="Sinds uw vorige overzicht te laat of met risico">
        {section.veranderd.map((t) => (
          <UnorderedListItem key={t.maatregel.code}>
            <AppLink to={appPath(t.link)}>
              {t.maatregel.code} {t.maatregel.naam}
            </AppLink>
            : nu <TrafficLightBadge light={t.verkeerslicht} />
            {t.was && (
              <>
                {' '}
                (was <TrafficLightBadge light={t.was} />)
              </>
            )}
          </UnorderedListItem>
        ))}
      </Part>
      <Part title="Nieuw voor de maatregelen waarmee de gemeente achterloopt">
        {section.nieuw.map((n) => (
          <UnorderedListItem key={n.link}>
            <AppLink to={appPath(n.link)}>{n.titel}</AppLink> (
            {n.soort === 'product' ? 'nieuw product' : 'nieuw in de veelgestelde vragen'} bij {n.maatregelen.join(', ')})
          </UnorderedListItem>
        ))}
      </Part>
      <Part title="Bijeenkomsten over die maatregelen">
        {section.bijeenkomsten.map((m) => (
          <UnorderedListItem key={m.link}>
            <AppLink to={appPath(m.link)}>{m.titel}</AppLink>, <DutchDateTime value={m.begintOp} />
          </UnorderedListItem>
        ))}
      </Part>
    </>
  );
}

/** What her next digest would hold, as the mail has it: a part per municipality, then her answers. */
export function DigestPreview({ preview }: { preview: Preview }) {
  return (
    <div className="spoorboek-digest-preview" aria-label={`Voorbeeld: ${preview.onderwerp}`} role="region">
      <Paragraph>
        <strong>{preview.onderwerp}</strong>. Wat er sinds <DutchDateTime value={preview.sinds} /> speelt.
      </Paragraph>
      {preview.leeg && (
        <Paragraph>Er is nu niets te melden. Zo’n overzicht versturen we niet.</Paragraph>
      )}
      {preview.gemeenten.map((section) => (
        <Municipality key={section.gemeente.code} section={section} />
      ))}
      {preview.antwoorden.length > 0 && (
        <>
          <Heading level={3}>Antwoorden op uw vragen en signalen</Heading>
          <UnorderedList>
            {preview.antwoorden.map((a) => (
              <UnorderedListItem key={a.link}>
                <AppLink to={appPath(a.link)}>
                  {a.soort === 'vraag' ? 'Vraag' : 'Signaal'}: {a.titel}
                </AppLink>{' '}
                (<DutchDateTime value={a.beantwoordOp} />)
                <Paragraph>{a.tekst}</Paragraph>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </div>
  );
}
