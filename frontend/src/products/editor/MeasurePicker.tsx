import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';

import { CheckboxGroup, choiceId } from '../../forms/fields';
import { groupMeasuresByWave } from '../../measures/groupByWave';
import { useAllMeasures, useWaves } from '../../measures/queries';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';

const waveGroupId = (id: string, wave: number) => `${id}-fase-${wave}`;

/** The id of the first checkbox, for the error summary's link (M01 is in wave 1). */
export function measurePickerFirstId(id: string, firstCode = 'M01', firstWave = 1): string {
  return choiceId(waveGroupId(id, firstWave), firstCode);
}

interface MeasurePickerProps {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  errors?: string[] | undefined;
  description?: string;
}

/** Chooses any number of the 23 measures: a checkbox per measure, grouped by wave. */
export function MeasurePicker({
  id,
  value,
  onChange,
  errors,
  description = 'De maatregelen waar het product bij hoort; minstens één. De uiterste leverdatum volgt uit hun fasen.',
}: MeasurePickerProps) {
  const measures = useAllMeasures();
  const waves = useWaves();
  const invalid = Boolean(errors?.length);
  const descriptionId = `${id}-uitleg`;
  const errorId = `${id}-fout`;
  return (
    <Fieldset
      invalid={invalid}
      className="spoorboek-fieldset spoorboek-measure-picker"
      aria-describedby={[descriptionId, invalid ? errorId : null].filter(Boolean).join(' ')}
    >
      <FieldsetLegend>Maatregelen</FieldsetLegend>
      <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      {invalid && <FormFieldErrorMessage id={errorId}>{errors?.join(' ')}</FormFieldErrorMessage>}
      {(measures.isPending || waves.isPending) && <StatusMessage>Maatregelen laden…</StatusMessage>}
      {(measures.isError || waves.isError) && (
        <ErrorAlert
          error={measures.error ?? waves.error}
          onRetry={() => {
            void measures.refetch();
            void waves.refetch();
          }}
        />
      )}
      {measures.data &&
        waves.data &&
        groupMeasuresByWave(waves.data, measures.data).map((group) => {
          const groupId = waveGroupId(id, group.number);
          const codes = new Set(group.measures.map((m) => m.code));
          return (
            <CheckboxGroup
              key={group.number}
              id={groupId}
              legend={group.name}
              value={value.filter((code) => codes.has(code))}
              onChange={(chosen) => onChange([...value.filter((code) => !codes.has(code)), ...chosen])}
              choices={group.measures.map((measure) => ({
                value: measure.code,
                label: `${measure.code} ${measure.titel}`,
              }))}
            />
          );
        })}
    </Fieldset>
  );
}
