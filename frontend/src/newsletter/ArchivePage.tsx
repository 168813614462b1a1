import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { Pagination, pageFrom } from '../shared/Pagination';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchArchive, FEED_HREF, newsletterKeys, type ArchivePage as Archive } from './api';
import './newsletter.css';
import { editionPath, NEWSLETTER_PATH } from './paths';

function Editions({ archive, page }: { archive: Archive; page: number }) {
  if (archive.resultaten.length === 0)
    return (
      <Paragraph>
        Er is nog geen nieuwsbrief verstuurd. <AppLink to={NEWSLETTER_PATH}>Meld u aan</AppLink> om de eerste te
        ontvangen.
      </Paragraph>
    );
  return (
    <>
      <ul className="spoorboek-newsletter-archive" aria-label="Verstuurde edities">
        {archive.resultaten.map((edition) => (
          <li key={edition.id}>
            <AppLink to={editionPath(edition.id)}>{edition.titel}</AppLink>
            <span>
              {' – verstuurd op '}
              <DutchDateTime value={edition.verzondenOp} />
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={archive.paginering.aantalPaginas} hrefFor={(p) => (p === 1 ? '?' : `?pagina=${p}`)} />
    </>
  );
}

/** /nieuwsbrief/archief: every edition sent, newest first. */
export default function ArchivePage() {
  const [params] = useSearchParams();
  const page = pageFrom(params.get('pagina'));
  const archive = useQuery({
    queryKey: newsletterKeys.archive(page),
    queryFn: ({ signal }) => fetchArchive(page, signal),
    placeholderData: keepPreviousData,
  });

  let content: ReactNode;
  if (archive.isPending) content = <StatusMessage>Archief laden…</StatusMessage>;
  else if (archive.isError) content = <ErrorAlert error={archive.error} onRetry={() => void archive.refetch()} />;
  else content = <Editions archive={archive.data} page={page} />;

  return (
    <>
      <title>Archief – Nieuwsbrief – Spoorboek</title>
      <Heading level={1}>Archief van de nieuwsbrief</Heading>
      <Paragraph>
        Alle verstuurde edities, de nieuwste eerst, zoals iedereen ze krijgt die de hele nieuwsbrief ontvangt. Volg het
        archief in uw feedlezer met de <Link href={FEED_HREF} type="application/atom+xml">Atom-feed</Link>, of{' '}
        <AppLink to={NEWSLETTER_PATH}>meld u aan</AppLink> voor de nieuwsbrief per e-mail.
      </Paragraph>
      {content}
    </>
  );
}
