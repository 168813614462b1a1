import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { CheckboxGroup, choiceId, RadioGroup } from '../forms/fields';
import { fetchAllMeasures, fetchWaves } from '../measures/api';
import type { ChoiceValues } from './logic';

/** The measures, themes and waves one may choose, from the same public lists the other screens read. */
export function useChoiceOptions() {
  const measures = useQuery({ queryKey: ['maatregelen', 'alle'], queryFn: ({ signal }) => fetchAllMeasures(signal), staleTime: 5 * 60 * 1000 });
  const themes = useQuery({
    queryKey: ['themas'],
    queryFn: async ({ signal }) => (await unwrap(apiClient.GET('/themas', { signal }))).resultaten,
    staleTime: 5 * 60 * 1000,
  });
  const waves = useQuery({ queryKey: ['fasen'], queryFn: ({ signal }) => fetchWaves(signal), staleTime: 5 * 60 * 1000 });
  return useMemo(() => {
    // Plain-text labels, so the same list names the choice in a sentence.
    const measureChoices = (measures.data ?? []).map((m) => ({ value: m.code, label: `${m.code} ${m.titel}` }));
    const themeChoices = (themes.data ?? []).map((t) => ({ value: t.code, label: t.naam }));
    const waveChoices = (waves.data ?? []).map((w) => ({ value: String(w.nummer), label: w.naam }));
    const mapOf = (choices: { value: string; label: string }[]) => new Map(choices.map((c) => [c.value, c.label]));
    return {
      measures: measureChoices,
      themes: themeChoices,
      waves: waveChoices,
      names: { measures: mapOf(measureChoices), themes: mapOf(themeChoices), waves: mapOf(waveChoices) },
      failed: measures.isError || themes.isError || waves.isError,
      loading: measures.isPending || themes.isPending || waves.isPending,
    };
  }, [measures.data, themes.data, waves.data, measures.isError, themes.isError, waves.isError, measures.isPending, themes.isPending, waves.isPending]);
}

/** The groups' ids; the error summary links to a group's first choice. */
export const choiceFieldIds = (prefix: string) => ({
  alles: { id: `${prefix}-alles`, label: 'Wat wilt u ontvangen?' },
  maatregelen: { id: `${prefix}-maatregelen`, label: 'Maatregelen' },
  themas: { id: `${prefix}-themas`, label: "Thema's" },
  golven: { id: `${prefix}-golven`, label: 'Golven' },
});

interface ChoiceFieldsProps {
  prefix: string;
  values: ChoiceValues;
  onChange: (values: ChoiceValues) => void;
  errors: Record<string, string[]>;
}

/** "Alles" or a selection; the lists appear only for a selection, so the form stays short. */
export function ChoiceFields({ prefix, values, onChange, errors }: ChoiceFieldsProps) {
  const options = useChoiceOptions();
  const ids = choiceFieldIds(prefix);
  return (
    <>
      <RadioGroup
        id={ids.alles.id}
        name={`${prefix}-alles`}
        legend={ids.alles.label}
        value={values.everything ? 'alles' : 'keuze'}
        onChange={(value) => onChange({ ...values, everything: value === 'alles' })}
        errors={errors.alles}
        choices={[
          { value: 'alles', label: 'De hele nieuwsbrief' },
          { value: 'keuze', label: 'Alleen over de maatregelen, thema’s of golven die ik kies' },
        ]}
      />
      {!values.everything &&
        (options.failed ? (
          <Paragraph>De lijsten met maatregelen, thema’s en golven konden niet worden geladen. Probeer het later opnieuw of kies de hele nieuwsbrief.</Paragraph>
        ) : options.loading ? (
          <Paragraph>Maatregelen, thema’s en golven laden…</Paragraph>
        ) : (
          <>
            <CheckboxGroup
              id={ids.maatregelen.id}
              legend={ids.maatregelen.label}
              value={values.measures}
              onChange={(measures) => onChange({ ...values, measures })}
              errors={errors.maatregelen}
              choices={options.measures}
            />
            <CheckboxGroup
              id={ids.themas.id}
              legend={ids.themas.label}
              value={values.themes}
              onChange={(themes) => onChange({ ...values, themes })}
              errors={errors.themas}
              choices={options.themes}
            />
            <CheckboxGroup
              id={ids.golven.id}
              legend={ids.golven.label}
              value={values.waves}
              onChange={(waves) => onChange({ ...values, waves })}
              errors={errors.golven}
              choices={options.waves}
            />
          </>
        ))}
    </>
  );
}

/** The error summary's targets: the first radio button of "alles". */
export function choiceSummaryFields(prefix: string) {
  const ids = choiceFieldIds(prefix);
  return { alles: { id: choiceId(ids.alles.id, 'alles'), label: ids.alles.label } };
}
