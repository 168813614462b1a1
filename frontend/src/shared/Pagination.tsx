import type { To } from 'react-router-dom';

import { AppLink } from '../app/AppLink';

interface PaginationProps {
  page: number;
  pages: number;
  hrefFor: (page: number) => To;
}

/** Previous/next links and where you are; nothing when everything fits on one page. */
export function Pagination({ page, pages, hrefFor }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Paginering" className="spoorboek-pagination">
      {page > 1 && (
        <AppLink to={hrefFor(page - 1)} rel="prev">
          Vorige pagina
        </AppLink>
      )}
      <span aria-current="page">
        Pagina {page} van {pages}
      </span>
      {page < pages && (
        <AppLink to={hrefFor(page + 1)} rel="next">
          Volgende pagina
        </AppLink>
      )}
    </nav>
  );
}

/** A positive page number from the URL, 1 when absent or nonsense. */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
