import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  SelectOption,
} from '@utrecht/component-library-react';

import type { SummaryField } from '../../forms/ErrorSummary';
import { CheckboxGroup, choiceId, RadioGroup, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { MeasurePicker, measurePickerFirstId } from '../../products/editor/MeasurePicker';
import { useLabourMarketRegions, useProvinces, useThemes } from '../../progress/api';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { OrganisationSelect } from '../../shared/OrganisationSelect';
import { AUDIENCE_LABELS, KIND_LABELS, KINDS } from '../labels';
import { HOST_ROLE_LABELS } from './labels';
import { MEETING_LABELS, type MeetingFormValues } from './meetingForm';
import { memberSearchId, TeamMemberPicker } from './TeamMemberPicker';
import type { Audience, HostRole } from './types';

type Set = <K extends keyof MeetingFormValues>(name: K, value: MeetingFormValues[K]) => void;

/** The error summary's links, given the id prefix of the form's fields. */
export function meetingSummaryFields(prefix: string, values: MeetingFormValues): Record<string, SummaryField> {
  const id = (name: string) => `${prefix}${name}`;
  return {
    soort: { label: MEETING_LABELS.soort, id: id('soort') },
    titel: { label: MEETING_LABELS.titel, id: id('titel') },
    omschrijving: { label: MEETING_LABELS.omschrijving, id: id('omschrijving') },
    doelgroep: { label: MEETING_LABELS.doelgroep, id: choiceId(id('doelgroep'), values.doelgroep) },
    maatregelen: { label: MEETING_LABELS.maatregelen, id: measurePickerFirstId(id('maatregelen')) },
    themas: { label: MEETING_LABELS.themas, id: id('themas') },
    organisatoren: { label: MEETING_LABELS.organisatoren, id: id('organisatoren-0') },
    online: { label: MEETING_LABELS.online, id: choiceId(id('waar'), values.online ? 'online' : 'locatie') },
    deelnamelink: { label: MEETING_LABELS.deelnamelink, id: id('deelnamelink') },
    locatie: { label: MEETING_LABELS.locatie, id: id('locatie') },
    adres: { label: MEETING_LABELS.adres, id: id('adres') },
    provincie: { label: MEETING_LABELS.provincie, id: id('provincie') },
    arbeidsmarktregio: { label: MEETING_LABELS.arbeidsmarktregio, id: id('arbeidsmarktregio') },
    begin: { label: MEETING_LABELS.begin, id: id('begin-datum') },
    einde: { label: MEETING_LABELS.einde, id: id('einde-datum') },
    capaciteit: { label: MEETING_LABELS.capaciteit, id: id('capaciteit') },
    aanmeldenTot: { label: MEETING_LABELS.aanmeldenTot, id: id('aanmeldenTot-datum') },
    tijdslotMinuten: { label: MEETING_LABELS.tijdslotMinuten, id: id('tijdslotMinuten') },
    organisator: { label: MEETING_LABELS.organisator, id: memberSearchId(id('organisator')) },
    status: { label: MEETING_LABELS.status, id: choiceId(id('status'), values.status) },
  };
}

/** A Dutch date and time: two inputs under one legend, the errors of the moment above them. */
function MomentFields({
  id,
  legend,
  description,
  date,
  time,
  onDate,
  onTime,
  errors,
}: {
  id: string;
  legend: string;
  description?: string;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  errors?: string[] | undefined;
}) {
  const invalid = Boolean(errors?.length);
  const described = [description ? `${id}-uitleg` : null, invalid ? `${id}-fout` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset invalid={invalid} className="spoorboek-fieldset spoorboek-moment" aria-describedby={described}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={`${id}-uitleg`}>{description}</FormFieldDescription>}
      {invalid && <FormFieldErrorMessage id={`${id}-fout`}>{errors?.join(' ')}</FormFieldErrorMessage>}
      <div className="spoorboek-moment__inputs">
        <TextField id={`${id}-datum`} label="Datum" type="date" value={date} onChange={(event) => onDate(event.target.value)} />
        <TextField id={`${id}-tijd`} label="Tijd" type="time" step={300} value={time} onChange={(event) => onTime(event.target.value)} />
      </div>
    </Fieldset>
  );
}

function HostsField({
  prefix,
  hosts,
  onChange,
  errors,
}: {
  prefix: string;
  hosts: MeetingFormValues['organisatoren'];
  onChange: (hosts: MeetingFormValues['organisatoren']) => void;
  errors?: string[] | undefined;
}) {
  const invalid = Boolean(errors?.length);
  const change = (index: number, host: Partial<MeetingFormValues['organisatoren'][number]>) =>
    onChange(hosts.map((current, i) => (i === index ? { ...current, ...host } : current)));
  return (
    <Fieldset invalid={invalid} className="spoorboek-fieldset" aria-describedby={`${prefix}organisatoren-uitleg`}>
      <FieldsetLegend>{MEETING_LABELS.organisatoren} (niet verplicht)</FieldsetLegend>
      <FormFieldDescription id={`${prefix}organisatoren-uitleg`}>
        Partners of gedeelde diensten die de bijeenkomst organiseren of mede organiseren.
      </FormFieldDescription>
      {invalid && <FormFieldErrorMessage>{errors?.join(' ')}</FormFieldErrorMessage>}
      {hosts.map((host, index) => (
        <div key={index} className="spoorboek-host-row">
          <OrganisationSelect
            id={`${prefix}organisatoren-${index}`}
            label={`Organisatie ${index + 1}`}
            value={host.organisatie}
            onChange={(code) => change(index, { organisatie: code })}
          />
          <SelectField
            id={`${prefix}organisatoren-${index}-rol`}
            label={`Rol van organisatie ${index + 1}`}
            value={host.rol}
            onChange={(event) => change(index, { rol: event.target.value as HostRole })}
          >
            {Object.entries(HOST_ROLE_LABELS).map(([role, label]) => (
              <SelectOption key={role} value={role}>
                {label}
              </SelectOption>
            ))}
          </SelectField>
          <Button appearance="subtle-button" type="button" onClick={() => onChange(hosts.filter((_, i) => i !== index))}>
            Organisatie {index + 1} weghalen
          </Button>
        </div>
      ))}
      {hosts.length < 10 && (
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => onChange([...hosts, { organisatie: '', rol: hosts.length === 0 ? 'organisator' : 'medeorganisator' }])}
        >
          Organisatie toevoegen
        </Button>
      )}
    </Fieldset>
  );
}

/** Every field of a meeting; `editing` leaves out what stays as made (the kind, the slot length). */
export function MeetingFields({
  prefix,
  values,
  set,
  errors,
  editing = false,
  statusChoice = true,
}: {
  prefix: string;
  values: MeetingFormValues;
  set: Set;
  errors: Record<string, string[]>;
  editing?: boolean;
  /** Only a planned or open meeting can be opened or closed for registration here. */
  statusChoice?: boolean;
}) {
  const themes = useThemes();
  const provinces = useProvinces();
  const regions = useLabourMarketRegions();
  const id = (name: string) => `${prefix}${name}`;
  return (
    <>
      {!editing && (
        <SelectField
          id={id('soort')}
          label={MEETING_LABELS.soort}
          value={values.soort}
          onChange={(event) => set('soort', event.target.value as MeetingFormValues['soort'])}
          errors={errors.soort}
        >
          <SelectOption value="">Kies een soort</SelectOption>
          {KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </SelectOption>
          ))}
        </SelectField>
      )}
      <TextField
        id={id('titel')}
        label={MEETING_LABELS.titel}
        maxLength={200}
        value={values.titel}
        onChange={(event) => set('titel', event.target.value)}
        errors={errors.titel}
      />
      <TextAreaField
        id={id('omschrijving')}
        label={`${MEETING_LABELS.omschrijving} (niet verplicht)`}
        description="Wat er aan bod komt en voor wie het bedoeld is. De agenda toont deze tekst aan iedereen."
        rows={6}
        maxLength={20000}
        value={values.omschrijving}
        onChange={(event) => set('omschrijving', event.target.value)}
        errors={errors.omschrijving}
      />
      <RadioGroup
        id={id('doelgroep')}
        name={id('doelgroep')}
        legend={MEETING_LABELS.doelgroep}
        description="Wie zich kan aanmelden."
        value={values.doelgroep}
        onChange={(value) => set('doelgroep', value as Audience)}
        choices={Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))}
        errors={errors.doelgroep}
      />
      <MeasurePicker
        id={id('maatregelen')}
        description="Over welke maatregelen het gaat. Daarmee vindt u de gemeenten die achterlopen om uit te nodigen."
        value={values.maatregelen}
        onChange={(codes) => set('maatregelen', codes)}
        errors={errors.maatregelen}
      />
      {themes.isError && <ErrorAlert error={themes.error} onRetry={() => void themes.refetch()} />}
      {themes.data && themes.data.length > 0 && (
        <CheckboxGroup
          id={id('themas')}
          legend={`${MEETING_LABELS.themas} (niet verplicht)`}
          choices={themes.data.map((theme) => ({ value: theme.code, label: theme.naam }))}
          value={values.themas}
          onChange={(codes) => set('themas', codes)}
          errors={errors.themas}
        />
      )}
      <HostsField prefix={prefix} hosts={values.organisatoren} onChange={(hosts) => set('organisatoren', hosts)} errors={errors.organisatoren} />
      <RadioGroup
        id={id('waar')}
        name={id('waar')}
        legend="Waar"
        value={values.online ? 'online' : 'locatie'}
        onChange={(value) => set('online', value === 'online')}
        choices={[
          { value: 'online', label: 'Online' },
          { value: 'locatie', label: 'Op locatie' },
        ]}
        errors={errors.online}
      />
      {values.online ? (
        <TextField
          id={id('deelnamelink')}
          label={`${MEETING_LABELS.deelnamelink} (niet verplicht)`}
          description="Begint met https://. Alleen wie is aangemeld en het programmateam zien de link."
          type="url"
          inputMode="url"
          maxLength={500}
          value={values.deelnamelink}
          onChange={(event) => set('deelnamelink', event.target.value)}
          errors={errors.deelnamelink}
        />
      ) : (
        <>
          <TextField
            id={id('locatie')}
            label={`${MEETING_LABELS.locatie} (niet verplicht)`}
            maxLength={200}
            value={values.locatie}
            onChange={(event) => set('locatie', event.target.value)}
            errors={errors.locatie}
          />
          <TextField
            id={id('adres')}
            label={MEETING_LABELS.adres}
            maxLength={300}
            autoComplete="off"
            value={values.adres}
            onChange={(event) => set('adres', event.target.value)}
            errors={errors.adres}
          />
        </>
      )}
      <SelectField
        id={id('provincie')}
        label={`${MEETING_LABELS.provincie} (niet verplicht)`}
        description="Voor een regionale bijeenkomst: de agenda is erop te filteren."
        value={values.provincie}
        busy={provinces.isPending}
        onChange={(event) => set('provincie', event.target.value)}
        errors={[...(provinces.isError ? ['De provincies konden niet worden geladen.'] : []), ...(errors.provincie ?? [])]}
      >
        <SelectOption value="">Geen provincie</SelectOption>
        {provinces.data?.map((province) => (
          <SelectOption key={province.code} value={province.code}>
            {province.naam}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField
        id={id('arbeidsmarktregio')}
        label={`${MEETING_LABELS.arbeidsmarktregio} (niet verplicht)`}
        value={values.arbeidsmarktregio}
        busy={regions.isPending}
        onChange={(event) => set('arbeidsmarktregio', event.target.value)}
        errors={[...(regions.isError ? ['De arbeidsmarktregio’s konden niet worden geladen.'] : []), ...(errors.arbeidsmarktregio ?? [])]}
      >
        <SelectOption value="">Geen arbeidsmarktregio</SelectOption>
        {regions.data?.map((region) => (
          <SelectOption key={region.code} value={region.code}>
            {region.naam}
          </SelectOption>
        ))}
      </SelectField>
      <MomentFields
        id={id('begin')}
        legend={MEETING_LABELS.begin}
        description="In Nederlandse tijd."
        date={values.beginDatum}
        time={values.beginTijd}
        onDate={(value) => {
          set('beginDatum', value);
          if (!values.eindeDatum || values.eindeDatum === values.beginDatum) set('eindeDatum', value);
        }}
        onTime={(value) => set('beginTijd', value)}
        errors={errors.begin}
      />
      <MomentFields
        id={id('einde')}
        legend={MEETING_LABELS.einde}
        date={values.eindeDatum}
        time={values.eindeTijd}
        onDate={(value) => set('eindeDatum', value)}
        onTime={(value) => set('eindeTijd', value)}
        errors={errors.einde}
      />
      {values.soort === 'spreekuur' && !editing && (
        <TextField
          id={id('tijdslotMinuten')}
          label={MEETING_LABELS.tijdslotMinuten}
          description="Het spreekuur wordt verdeeld in tijdsloten van deze lengte; één gemeente per tijdslot."
          inputMode="numeric"
          value={values.tijdslotMinuten}
          onChange={(event) => set('tijdslotMinuten', event.target.value)}
          errors={errors.tijdslotMinuten}
        />
      )}
      {values.soort !== 'spreekuur' && (
        <TextField
          id={id('capaciteit')}
          label={`${MEETING_LABELS.capaciteit} (niet verplicht)`}
          description="Leeg: geen grens. Is het vol, dan komen nieuwe aanmeldingen op de wachtlijst."
          inputMode="numeric"
          value={values.capaciteit}
          onChange={(event) => set('capaciteit', event.target.value)}
          errors={errors.capaciteit}
        />
      )}
      <MomentFields
        id={id('aanmeldenTot')}
        legend={`${MEETING_LABELS.aanmeldenTot} (niet verplicht)`}
        description="Leeg: aanmelden kan tot het begin."
        date={values.aanmeldenTotDatum}
        time={values.aanmeldenTotTijd}
        onDate={(value) => set('aanmeldenTotDatum', value)}
        onTime={(value) => set('aanmeldenTotTijd', value)}
        errors={errors.aanmeldenTot}
      />
      <TeamMemberPicker
        id={id('organisator')}
        value={values.organisator}
        onChange={(person) => set('organisator', person)}
        errors={errors.organisator}
      />
      {statusChoice && (
      <RadioGroup
        id={id('status')}
        name={id('status')}
        legend={MEETING_LABELS.status}
        value={values.status}
        onChange={(value) => set('status', value as MeetingFormValues['status'])}
        choices={[
          { value: 'gepland', label: 'Gepland', description: 'De agenda toont de bijeenkomst; aanmelden kan nog niet.' },
          { value: 'open', label: 'Open', description: 'Aanmelden kan.' },
        ]}
        errors={errors.status}
      />
      )}
    </>
  );
}
