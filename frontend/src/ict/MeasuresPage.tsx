import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph, SecondaryActionButton, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';

import { isConflict } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { StaleNotice } from '../forms/StaleNotice';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { ictKeys, setSoftwareNeeded, useSoftwareMeasures } from './api';
import { softwareMeasurePath } from './paths';
import type { SoftwareMeasure } from './types';
import { useStale } from './useStale';

function FlagButton({
  measure,
  onDone,
  onStale,
  onFailed,
}: {
  measure: SoftwareMeasure;
  onDone: (saved: SoftwareMeasure) => void;
  onStale: () => void;
  onFailed: (error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: () => setSoftwareNeeded(measure.maatregel.code, measure.versie, !measure.softwareNodig),
    onSuccess: onDone,
    onError: (error) => (isConflict(error) ? onStale() : onFailed(error)),
    // Every view of who waits follows from the flag.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ictKeys.all }),
        queryClient.invalidateQueries({ queryKey: ictKeys.publicFigures }),
      ]);
    },
  });
  return (
    <SecondaryActionButton type="button" busy={change.isPending} disabled={change.isPending} onClick={() => change.mutate()}>
      {measure.softwareNodig ? 'Geen software nodig' : 'Software nodig'}{' '}
      <span className="spoorboek-visually-hidden">voor {measure.maatregel.code}</span>
    </SecondaryActionButton>
  );
}

/** /ict/maatregelen: whether each measure needs changes in municipal software (team; editors change it). */
export default function MeasuresPage() {
  const measures = useSoftwareMeasures();
  const { shown: staleShown, ref: staleRef, report: reportStale } = useStale();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const list = measures.data ?? [];

  let status = message;
  if (measures.isPending) status = 'Maatregelen laden…';
  else if (measures.data && list.length === 0) status = 'Er zijn nog geen maatregelen.';

  return (
    <>
      <title>Maatregelen en software – Spoorboek</title>
      <Heading level={1}>Maatregelen en software</Heading>
      <Paragraph appearance="lead">
        Welke maatregelen wijzigingen in gemeentelijke software vragen. Alleen voor die maatregelen melden leveranciers
        hun gereedheid, en alleen daar kan een gemeente door ICT te laat komen. Kies een maatregel om te zien welke
        gemeenten op welke leverancier wachten.
      </Paragraph>
      {staleShown && <StaleNotice ref={staleRef} thing="deze maatregel" changed="of de maatregel software vraagt" />}
      {failure !== null && <ErrorAlert error={failure} />}
      <StatusMessage>{status}</StatusMessage>
      {measures.isError && <ErrorAlert error={measures.error} onRetry={() => void measures.refetch()} />}
      {list.length > 0 && (
        <DataTable id="maatregelen-tabel" caption="Maatregelen en of zij software vragen" columns={['Maatregel', 'Software nodig', 'Wijzigen']}>
          {list.map((measure) => (
            <TableRow key={measure.maatregel.code}>
              <TableHeaderCell scope="row" className="spoorboek-row-header">
                {measure.softwareNodig ? (
                  <AppLink to={softwareMeasurePath(measure.maatregel.code)}>
                    {measure.maatregel.code} {measure.maatregel.naam}
                  </AppLink>
                ) : (
                  <>
                    {measure.maatregel.code} {measure.maatregel.naam}
                  </>
                )}
              </TableHeaderCell>
              <TableCell>{measure.softwareNodig ? 'Ja' : 'Nee'}</TableCell>
              <TableCell>
                <FlagButton
                  measure={measure}
                  onDone={(saved) => {
                    setFailure(null);
                    setMessage(
                      saved.softwareNodig
                        ? `${saved.maatregel.code} vraagt nu software; leveranciers kunnen er hun gereedheid voor melden.`
                        : `${saved.maatregel.code} vraagt nu geen software meer.`,
                    );
                  }}
                  onStale={reportStale}
                  onFailed={setFailure}
                />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
