import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { ErrorAlert } from '../shared/ErrorAlert';
import { groupMeasuresByWave } from './groupByWave';
import { useAllMeasures, useWaves } from './queries';
import { WaveSection } from './WaveSection';
import { plural } from '../shared/dutch';

/**
 * One status region that stays in the page while its text changes, because screen readers
 * announce changes to an existing live region but often ignore one that is newly inserted.
 */
function LoadStatus({ children }: { children: string }) {
  return (
    <Paragraph role="status" className="spoorboek-status">
      {children}
    </Paragraph>
  );
}

/** A link to one measure (/#maatregel-M05) can only be followed once the measures are there. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.({ block: 'start' });
  }, [ready, hash]);
}

function MeasuresOverview() {
  const waves = useWaves();
  const measures = useAllMeasures();
  useScrollToHash(waves.isSuccess && measures.isSuccess);

  let status = '';
  let body: ReactNode = null;
  if (waves.isError || measures.isError) {
    const retry = () => {
      if (waves.isError) void waves.refetch();
      if (measures.isError) void measures.refetch();
    };
    body = <ErrorAlert error={waves.error ?? measures.error} onRetry={retry} />;
  } else if (waves.isPending || measures.isPending) {
    status = 'Maatregelen laden…';
  } else if (measures.data.length === 0) {
    status = 'Er zijn nog geen maatregelen vastgelegd.';
  } else {
    const groups = groupMeasuresByWave(waves.data, measures.data);
    status = `${plural(measures.data.length, 'maatregel', 'maatregelen')} in ${plural(groups.length, 'fase', 'fasen')}.`;
    body = groups.map((group) => <WaveSection key={group.number} group={group} />);
  }

  return (
    <>
      <LoadStatus>{status}</LoadStatus>
      {body}
    </>
  );
}

export function MeasuresPage() {
  return (
    <>
      <title>Maatregelen spoor 1 – Spoorboek</title>
      <Heading level={1}>Maatregelen Participatiewet in balans, spoor 1</Heading>
      <Paragraph appearance="lead">
        Spoor 1 van Participatiewet in balans bestaat uit maatregelen die op korte termijn ingaan.
        Ze zijn gegroepeerd in fasen; elke fase heeft een eigen ingangsdatum.
      </Paragraph>
      <MeasuresOverview />
    </>
  );
}
