import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { storeAnswer } from '../app/queryClient';
import { MunicipalityPicker, pickerSearchId } from '../shared/MunicipalityPicker';
import { MunicipalitySelect } from '../shared/MunicipalitySelect';
import type { CodeName } from '../shared/referenceData';
import { isEditor, useCurrentUser } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { MeasurePicker, measurePickerFirstId } from '../products/editor/MeasurePicker';
import { askQuestion, questionKeys } from './api';
import { ASK_LABELS, askBody, askProblems, EMPTY_ASK, type AskFormValues } from './askForm';
import { CHANNEL_LABELS, CHANNELS } from './labels';
import { questionPath } from './paths';
import { SimilarSuggestions } from './SimilarSuggestions';
import './questions.css';

const SUMMARY_FIELDS: Record<string, SummaryField> = Object.fromEntries(
  Object.entries(ASK_LABELS).map(([name, label]) => [
    name,
    {
      label,
      id: name === 'maatregelen' ? measurePickerFirstId('maatregelen') : name === 'gemeente' ? pickerSearchId('gemeente') : name,
    },
  ]),
);

const ALIASES = {
  'vragensteller.naam': 'naam',
  'vragensteller.email': 'email',
  'vragensteller.organisatie': 'organisatie',
};

/**
 * /vragen/nieuw: a municipal contact asks a question; the team logs a call or mail for someone
 * else (channel, asker, when it came in). Similar answers show while typing.
 */
export default function AskQuestionPage() {
  const user = useCurrentUser();
  const team = isEditor(user);
  const municipalities = user?.gemeenten ?? [];
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<AskFormValues>(() => ({
    ...EMPTY_ASK,
    gemeente: !team && municipalities.length === 1 ? (municipalities[0]?.code ?? '') : '',
  }));
  const [picked, setPicked] = useState<CodeName[]>([]);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const set = <K extends keyof AskFormValues>(name: K, value: AskFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  const ask = useMutation({
    mutationFn: (body: AskFormValues) => askQuestion(askBody(body, team)),
    onSuccess: async (question) => {
      clear();
      await storeAnswer(queryClient, questionKeys.detail(question.id), question);
      await queryClient.invalidateQueries({ queryKey: questionKeys.all, refetchType: 'none' });
      void navigate(questionPath(question.id, team), { state: { filed: true } });
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(ASK_LABELS), { aliases: ALIASES })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = askProblems(values, team);
    if (team && picked.length > 1) problems.gemeente = 'Kies één gemeente.';
    const found = clientErrors(problems);
    if (hasErrors(found)) {
      show(found);
      return;
    }
    ask.mutate({ ...values, gemeente: team ? (picked[0]?.code ?? '') : values.gemeente });
  };

  const title = team ? 'Vraag vastleggen' : 'Vraag stellen';
  return (
    <>
      <title>{`${title} – Spoorboek`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph appearance="lead">
        {team
          ? 'Leg een vraag vast die per telefoon, e-mail, op een spreekuur of een bijeenkomst binnenkwam. De vrager krijgt een ontvangstbevestiging als u een e-mailadres invult.'
          : 'Stel uw vraag over de invoering aan het programmateam. U krijgt een ontvangstbevestiging per e-mail en ziet de vraag en het antwoord onder Mijn vragen. Bijlagen voegt u toe nadat u de vraag hebt verstuurd.'}
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={SUMMARY_FIELDS} />
      <div className="spoorboek-ask">
        <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="vraag-kop">
          <Heading level={2} id="vraag-kop">
            {team ? 'De vraag' : 'Uw vraag'}
          </Heading>
          {team && (
            <>
              <SelectField
                id="kanaal"
                label={ASK_LABELS.kanaal}
                value={values.kanaal}
                onChange={(event) => set('kanaal', event.target.value as AskFormValues['kanaal'])}
                errors={errors.fields.kanaal}
              >
                <SelectOption value="">Kies een kanaal</SelectOption>
                {CHANNELS.filter((channel) => channel !== 'webformulier').map((channel) => (
                  <SelectOption key={channel} value={channel}>
                    {CHANNEL_LABELS[channel]}
                  </SelectOption>
                ))}
              </SelectField>
              <TextField
                id="naam"
                label={ASK_LABELS.naam}
                autoComplete="off"
                maxLength={200}
                value={values.naam}
                onChange={(event) => set('naam', event.target.value)}
                errors={errors.fields.naam}
              />
              <TextField
                id="email"
                label={`${ASK_LABELS.email} (niet verplicht)`}
                description="Hierheen gaan de ontvangstbevestiging en het antwoord."
                type="email"
                autoComplete="off"
                value={values.email}
                onChange={(event) => set('email', event.target.value)}
                errors={errors.fields.email}
              />
              <TextField
                id="organisatie"
                label={`${ASK_LABELS.organisatie} (niet verplicht)`}
                maxLength={200}
                value={values.organisatie}
                onChange={(event) => set('organisatie', event.target.value)}
                errors={errors.fields.organisatie}
              />
              <MunicipalityPicker
                id="gemeente"
                legend={`${ASK_LABELS.gemeente} (niet verplicht)`}
                description="De gemeente waarvoor de vrager werkt. Zoek op naam en kies er één."
                value={picked}
                onChange={setPicked}
                errors={errors.fields.gemeente}
              />
              <TextField
                id="ontvangenOp"
                label={`${ASK_LABELS.ontvangenOp} (niet verplicht)`}
                description="Leeg: nu. De termijn voor het antwoord telt vanaf dit moment."
                type="datetime-local"
                value={values.ontvangenOp}
                onChange={(event) => set('ontvangenOp', event.target.value)}
                errors={errors.fields.ontvangenOp}
              />
            </>
          )}
          {!team && municipalities.length > 1 && (
            <MunicipalitySelect
              id="gemeente"
              label={`${ASK_LABELS.gemeente} (niet verplicht)`}
              description="Voor welke van uw gemeenten stelt u deze vraag?"
              value={values.gemeente}
              onChange={(event) => set('gemeente', event.target.value)}
              errors={errors.fields.gemeente}
              municipalities={municipalities}
              emptyLabel="Geen bepaalde gemeente"
            />
          )}
          <TextField
            id="onderwerp"
            label={ASK_LABELS.onderwerp}
            description="In een paar woorden: waar gaat de vraag over?"
            maxLength={200}
            value={values.onderwerp}
            onChange={(event) => set('onderwerp', event.target.value)}
            errors={errors.fields.onderwerp}
          />
          <TextAreaField
            id="vraag"
            label={team ? 'Vraag' : ASK_LABELS.vraag}
            description="Noem geen namen of gegevens van inwoners."
            maxLength={10000}
            rows={8}
            value={values.vraag}
            onChange={(event) => set('vraag', event.target.value)}
            errors={errors.fields.vraag}
          />
          <MeasurePicker
            id="maatregelen"
            description="Over welke maatregelen gaat de vraag? Niet verplicht; het programmateam vult dit zo nodig aan."
            value={values.maatregelen}
            onChange={(codes) => set('maatregelen', codes)}
            errors={errors.fields.maatregelen}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={ask.isPending} disabled={ask.isPending}>
              {team ? 'Vraag vastleggen' : 'Vraag versturen'}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
        <SimilarSuggestions subject={values.onderwerp} question={values.vraag} team={team} />
      </div>
    </>
  );
}
