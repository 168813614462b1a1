import { useQuery } from '@tanstack/react-query';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

import { ScrollTable } from '../../shared/ScrollTable';
import { useCurrentUser } from '../../auth/session';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { productKeys } from '../api';
import type { Product, Review } from '../types';
import { fetchHistory } from './api';
import { detailsText, kindLabel, personNamer } from './history';

/** Every recorded change of the product, newest first. */
export function HistorySection({ product, reviews }: { product: Product; reviews: Review[] | undefined }) {
  const user = useCurrentUser();
  const history = useQuery({
    queryKey: productKeys.history(product.id),
    queryFn: ({ signal }) => fetchHistory(product.id, signal),
  });

  // Names we know without asking the admin-only user list.
  const known = new Map<string, string>();
  if (product.eigenaar) known.set(`user:${product.eigenaar.code}`, product.eigenaar.naam);
  for (const review of reviews ?? []) known.set(`user:${review.toetser.code}`, review.toetser.naam);
  if (user) known.set(`user:${user.id}`, `${user.naam} (u)`);
  const nameOf = personNamer(known);

  return (
    <section aria-labelledby="geschiedenis-kop" className="spoorboek-section">
      <Heading level={2} id="geschiedenis-kop">
        Geschiedenis
      </Heading>
      {history.isPending && <StatusMessage>Geschiedenis laden…</StatusMessage>}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.length === 0 && <Paragraph>Nog geen wijzigingen vastgelegd.</Paragraph>}
      {history.data && history.data.length > 0 && (
        <ScrollTable labelledBy="geschiedenis-tabel">
          <Table className="spoorboek-table">
            <caption id="geschiedenis-tabel" className="spoorboek-caption">
              Alle wijzigingen, nieuwste eerst
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Door</TableHeaderCell>
                <TableHeaderCell scope="col">Details</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...history.data].reverse().map((entry) => (
                <TableRow key={entry.volgnummer}>
                  <TableCell>
                    <DutchDateTime value={entry.tijdstip} />
                  </TableCell>
                  <TableCell>{kindLabel(entry.soort)}</TableCell>
                  <TableCell>{nameOf(entry.door)}</TableCell>
                  <TableCell className="spoorboek-details">{detailsText(entry, nameOf) || '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
