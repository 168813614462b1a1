import { Heading } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { ProvenanceNote, type Provenance } from './Provenance';
import './charts.css';

interface ChartSectionProps {
  /** The heading's id; the section is named by it. */
  id: string;
  title: string;
  level?: 2 | 3;
  /** Text above the chart: what it shows. */
  intro?: ReactNode;
  /** The chart itself; it carries its own text alternative. */
  children: ReactNode;
  /** The same figures as a table, behind a disclosure so the chart stays the first thing seen. */
  table: ReactNode;
  herkomst?: Provenance | null | undefined;
  /** What the CSV holds, for the download link's text ("de voortgang per maatregel"). */
  csvSubject: string;
  /** A source note of its own instead of `herkomst`: for figures that are no open data. */
  source?: ReactNode;
}

/** A chart with its table equivalent, its source, data moment, licence and CSV. */
export function ChartSection({ id, title, level = 2, intro, children, table, herkomst, csvSubject, source }: ChartSectionProps) {
  return (
    <section aria-labelledby={id} className="spoorboek-chart">
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {intro}
      <div className="spoorboek-chart__figure">{children}</div>
      <details className="spoorboek-chart__table">
        <summary>Toon de cijfers als tabel</summary>
        {table}
      </details>
      {herkomst && <ProvenanceNote herkomst={herkomst} subject={csvSubject} />}
      {source}
    </section>
  );
}
