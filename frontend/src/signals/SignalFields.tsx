import { CheckboxGroup, choiceId, TextAreaField, TextField } from '../forms/fields';
import type { SummaryField } from '../forms/ErrorSummary';
import { MeasurePicker, measurePickerFirstId } from '../products/editor/MeasurePicker';
import { useThemes } from '../progress/api';
import { ErrorAlert } from '../shared/ErrorAlert';
import { KindChoice, SupplierSelect } from './SignalSelects';
import { ICT_KIND, SIGNAL_LABELS, type SignalFormValues } from './signalForm';

/** The error summary's links for the signal forms, given the id prefix of the form's fields. */
export function signalSummaryFields(prefix: string, firstTheme = ''): Record<string, SummaryField> {
  return {
    titel: { label: SIGNAL_LABELS.titel, id: `${prefix}titel` },
    omschrijving: { label: SIGNAL_LABELS.omschrijving, id: `${prefix}omschrijving` },
    soort: { label: SIGNAL_LABELS.soort, id: `${prefix}soort` },
    maatregelen: { label: SIGNAL_LABELS.maatregelen, id: measurePickerFirstId(`${prefix}maatregelen`) },
    themas: { label: SIGNAL_LABELS.themas, id: choiceId(`${prefix}themas`, firstTheme) },
    gemeente: { label: SIGNAL_LABELS.gemeente, id: `${prefix}gemeente` },
    leverancier: { label: SIGNAL_LABELS.leverancier, id: `${prefix}leverancier` },
    openbaar: { label: SIGNAL_LABELS.openbaar, id: `${prefix}openbaar` },
  };
}

/** Title, description, kind, measures and themes: what reporting and editing a signal share. */
export function SignalFields({
  prefix = '',
  values,
  set,
  errors,
  forContact = false,
}: {
  /** Prefix of the ids, so two forms can be on one page. */
  prefix?: string;
  values: SignalFormValues;
  set: <K extends keyof SignalFormValues>(name: K, value: SignalFormValues[K]) => void;
  errors: Record<string, string[]>;
  forContact?: boolean;
}) {
  const themes = useThemes();
  return (
    <>
      <TextField
        id={`${prefix}titel`}
        label={SIGNAL_LABELS.titel}
        description="In een paar woorden: wat werkt er niet, of wat kan beter?"
        maxLength={200}
        value={values.titel}
        onChange={(event) => set('titel', event.target.value)}
        errors={errors.titel}
      />
      <TextAreaField
        id={`${prefix}omschrijving`}
        label={SIGNAL_LABELS.omschrijving}
        description={
          forContact
            ? 'Wat gebeurt er in de praktijk, bij wie loopt het vast, en wat zou helpen? Noem geen namen of gegevens van inwoners.'
            : 'Noem geen namen of gegevens van inwoners: een openbaar signaal toont deze tekst.'
        }
        rows={8}
        maxLength={10000}
        value={values.omschrijving}
        onChange={(event) => set('omschrijving', event.target.value)}
        errors={errors.omschrijving}
      />
      <KindChoice
        id={`${prefix}soort`}
        label={SIGNAL_LABELS.soort}
        description="Waar zit het knelpunt? Dezelfde soorten als bij een knelpunt in de voortgang."
        value={values.soort}
        onChange={(event) => set('soort', event.target.value as SignalFormValues['soort'])}
        errors={errors.soort}
      />
      {values.soort === ICT_KIND && (
        <SupplierSelect
          id={`${prefix}leverancier`}
          label={`${SIGNAL_LABELS.leverancier} (niet verplicht)`}
          description="Over de software van welke leverancier gaat het?"
          empty="Geen bepaalde leverancier"
          value={values.leverancier}
          onChange={(event) => set('leverancier', event.target.value)}
          errors={errors.leverancier}
        />
      )}
      <MeasurePicker
        id={`${prefix}maatregelen`}
        description="Bij welke maatregelen speelt het? Niet verplicht."
        value={values.maatregelen}
        onChange={(codes) => set('maatregelen', codes)}
        errors={errors.maatregelen}
      />
      {themes.isError && <ErrorAlert error={themes.error} onRetry={() => void themes.refetch()} />}
      {themes.data && themes.data.length > 0 && (
        <CheckboxGroup
          id={`${prefix}themas`}
          legend={`${SIGNAL_LABELS.themas} (niet verplicht)`}
          choices={themes.data.map((theme) => ({ value: theme.code, label: theme.naam }))}
          value={values.themas}
          onChange={(codes) => set('themas', codes)}
          errors={errors.themas}
        />
      )}
    </>
  );
}
