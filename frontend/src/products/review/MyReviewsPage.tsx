import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { ScrollTable } from '../../shared/ScrollTable';
import { AppLink } from '../../app/AppLink';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { VERDICT_LABELS } from '../labels';
import type { Review } from '../types';
import { sortReviews, useMyReviews } from './api';

function ReviewRows({ reviews, answered }: { reviews: Review[]; answered: boolean }) {
  const captionId = answered ? 'beantwoord-tabel' : 'open-tabel';
  return (
    <ScrollTable labelledBy={captionId}>
      <Table className="spoorboek-table">
        <caption id={captionId} className="spoorboek-visually-hidden">
          {answered ? 'Uitnodigingen die u hebt beantwoord' : 'Uitnodigingen die op uw oordeel wachten'}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Product</TableHeaderCell>
            <TableHeaderCell scope="col" className="spoorboek-nowrap">Versie</TableHeaderCell>
            <TableHeaderCell scope="col">Uitgenodigd</TableHeaderCell>
            {answered && <TableHeaderCell scope="col">Uw oordeel</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {reviews.map((review) => (
            <TableRow key={review.id}>
              <TableCell>
                <AppLink to={`/producten/${review.productId}#toetsen`}>{review.productTitel}</AppLink>
              </TableCell>
              <TableCell>{review.versie}</TableCell>
              <TableCell>
                <DutchDateTime value={review.uitgenodigdOp} />
              </TableCell>
              {answered && (
                <TableCell>
                  {review.oordeel ? VERDICT_LABELS[review.oordeel] : '–'}
                  {review.beantwoordOp && (
                    <>
                      {' '}
                      <span className="spoorboek-muted">
                        (<DutchDateTime value={review.beantwoordOp} />)
                      </span>
                    </>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

export default function MyReviewsPage() {
  const reviews = useMyReviews();
  const sorted = reviews.data ? sortReviews(reviews.data) : null;

  let status = '';
  if (reviews.isPending) status = 'Toetsingen laden…';
  else if (sorted) {
    status =
      sorted.open.length === 0
        ? 'U heeft geen openstaande toetsingen.'
        : `${sorted.open.length} ${sorted.open.length === 1 ? 'toetsing wacht' : 'toetsingen wachten'} op uw oordeel.`;
  }

  return (
    <>
      <title>Mijn toetsingen – Spoorboek</title>
      <Heading level={1}>Mijn toetsingen</Heading>
      <Paragraph appearance="lead">
        Producten die u bent gevraagd te toetsen voordat ze worden gepubliceerd. Open een product om het concept te
        bekijken en uw oordeel te geven.
      </Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {reviews.isError && <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {sorted && (
        <>
          <section aria-labelledby="open-kop" className="spoorboek-section">
            <Heading level={2} id="open-kop">
              Wachten op uw oordeel
            </Heading>
            {sorted.open.length === 0 ? (
              <Paragraph>Er wacht niets op u.</Paragraph>
            ) : (
              <ReviewRows reviews={sorted.open} answered={false} />
            )}
          </section>
          <section aria-labelledby="beantwoord-kop" className="spoorboek-section">
            <Heading level={2} id="beantwoord-kop">
              Beantwoord
            </Heading>
            {sorted.answered.length === 0 ? (
              <Paragraph>U heeft nog geen oordeel gegeven.</Paragraph>
            ) : (
              <ReviewRows reviews={sorted.answered} answered />
            )}
          </section>
        </>
      )}
    </>
  );
}
