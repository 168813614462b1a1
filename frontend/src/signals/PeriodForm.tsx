import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { TextField } from '../forms/fields';
import type { ReportQuery } from './api';
import { periodProblem } from './report';

/** The query string of a period: what a report page reads back with reportQueryFrom. */
export function periodSearch(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.van) params.set('van', query.van);
  if (query.tot) params.set('tot', query.tot);
  return params.toString();
}

export interface PeriodPreset {
  label: string;
  period: Required<ReportQuery>;
}

/**
 * Chooses a report's period: two dates, or one of the presets as a link. The period lives in the
 * address, so it can be bookmarked and the back button returns to the previous one. Mount it with
 * the query string as key, so the fields follow the address.
 */
export function PeriodForm({
  query,
  idPrefix,
  presets,
  className,
}: {
  query: ReportQuery;
  idPrefix: string;
  presets: PeriodPreset[];
  className?: string;
}) {
  const navigate = useNavigate();
  const [from, setFrom] = useState(query.van ?? '');
  const [until, setUntil] = useState(query.tot ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const untilId = `${idPrefix}-tot`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodProblem(from, until);
    setProblem(found);
    if (found) {
      document.getElementById(untilId)?.focus();
      return;
    }
    void navigate({ search: periodSearch({ van: from || undefined, tot: until || undefined }) });
  };
  return (
    <form
      noValidate
      onSubmit={submit}
      className={['spoorboek-filters spoorboek-filters--grid', className].filter(Boolean).join(' ')}
      aria-label="Periode kiezen"
    >
      <TextField id={`${idPrefix}-van`} label="Van" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <TextField
        id={untilId}
        label="Tot en met"
        type="date"
        value={until}
        onChange={(event) => setUntil(event.target.value)}
        errors={problem ? [problem] : undefined}
      />
      <ButtonGroup className="spoorboek-filters__wide">
        <PrimaryActionButton type="submit">Periode tonen</PrimaryActionButton>
        {presets.map((preset) => (
          <AppLink key={preset.label} to={{ search: periodSearch(preset.period) }}>
            {preset.label}
          </AppLink>
        ))}
      </ButtonGroup>
    </form>
  );
}
