import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

import { PUBLIC_CSV_HREF, RESPONSES_FEED_HREF } from './api';

/** The public register as open data and the feed of responses. */
export function OpenDataLinks() {
  return (
    <section aria-labelledby="open-data-kop" className="spoorboek-section">
      <Heading level={2} id="open-data-kop">
        Open data
      </Heading>
      <UnorderedList>
        <UnorderedListItem>
          <Link href={PUBLIC_CSV_HREF} download>
            Alle openbare signalen als CSV
          </Link>{' '}
          (licentie <Link href="https://creativecommons.org/licenses/by/4.0/deed.nl">CC BY 4.0</Link>)
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={RESPONSES_FEED_HREF} type="application/atom+xml">
            Atom-feed van de reacties
          </Link>{' '}
          (voor een feedlezer: u ziet elke nieuwe reactie)
        </UnorderedListItem>
      </UnorderedList>
      <Paragraph className="spoorboek-muted">
        Wie een signaal meldde en welke gemeenten erachter staan, staat er nooit in; wel hoeveel gemeenten en inwoners.
      </Paragraph>
    </section>
  );
}
