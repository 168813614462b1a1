import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { ErrorAlert } from '../shared/ErrorAlert';
import { groupMeasuresByWave } from './groupByWave';
import { useAllMeasures, useWaves } from './queries';
import { WaveSection } from './WaveSection';

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

function MeasuresOverview() {
  const waves = useWaves();
  const measures = useAllMeasures();

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
    status = `${measures.data.length} maatregelen in ${groups.length} fasen.`;
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
