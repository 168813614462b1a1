import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchEdition, newsletterKeys, type ArchiveEdition } from './api';
import { ARCHIVE_PATH, NEWSLETTER_PATH } from './paths';
import './newsletter.css';

function Edition({ edition }: { edition: ArchiveEdition }) {
  return (
    <>
      <Heading level={1}>{edition.titel}</Heading>
      <Paragraph>
        Verstuurd op <DutchDateTime value={edition.verzondenOp} />.
      </Paragraph>
      {/* The server sanitises this HTML (nh3: no scripts, event attributes, javascript: links or
          images); the article bounds it so its headings and styles stay inside the edition. */}
      <article
        className="spoorboek-newsletter-edition"
        aria-label={`Nieuwsbrief: ${edition.titel}`}
        dangerouslySetInnerHTML={{ __html: edition.html }}
      />
      <Paragraph>
        <AppLink to={ARCHIVE_PATH}>Naar het archief</AppLink> · <AppLink to={NEWSLETTER_PATH}>Aanmelden voor de nieuwsbrief</AppLink>
      </Paragraph>
    </>
  );
}

/** /nieuwsbrief/archief/:id: one sent edition, as everyone who gets the whole nieuwsbrief got it. */
export default function EditionPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const edition = useQuery({
    queryKey: newsletterKeys.edition(id),
    queryFn: ({ signal }) => fetchEdition(id, signal),
    enabled: valid,
    retry: false,
  });

  let content: ReactNode;
  if (!valid || (edition.error instanceof ApiError && [400, 404].includes(edition.error.status)))
    content = (
      <>
        <Heading level={1}>Deze nieuwsbrief bestaat niet</Heading>
        <Paragraph>
          Misschien is hij nog niet verstuurd. Bekijk de verstuurde edities in het{' '}
          <AppLink to={ARCHIVE_PATH}>archief</AppLink>.
        </Paragraph>
      </>
    );
  else if (edition.isPending)
    content = (
      <>
        <Heading level={1}>Nieuwsbrief</Heading>
        <StatusMessage>Nieuwsbrief laden…</StatusMessage>
      </>
    );
  else if (edition.isError)
    content = (
      <>
        <Heading level={1}>Nieuwsbrief</Heading>
        <ErrorAlert error={edition.error} onRetry={() => void edition.refetch()} />
      </>
    );
  else content = <Edition edition={edition.data} />;

  return (
    <>
      <title>{edition.data ? `${edition.data.titel} – Nieuwsbrief – Spoorboek` : 'Nieuwsbrief – Spoorboek'}</title>
      {content}
    </>
  );
}
