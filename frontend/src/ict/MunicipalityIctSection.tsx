import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SelectOption, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { isConflict } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SelectField } from '../forms/fields';
import { StaleNotice } from '../forms/StaleNotice';
import { useFormErrors } from '../forms/useFormErrors';
import { cellPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { plural } from '../shared/dutch';
import { StatusMessage } from '../shared/StatusMessage';
import { applicationsQuery, chooseApplication, ictKeys, useMunicipalIct } from './api';
import { ictHistoryPath } from './paths';
import { DOMAIN_LABELS, DOMAINS, releaseText, statusLabel, verdictLabel } from './labels';
import type { Application, Domain, IctVerdict, MunicipalIct } from './types';
import { useStale } from './useStale';
import '../shared/charts.css';

const fieldId = (domain: Domain) => `applicatie-${domain}`;
const SUMMARY_FIELDS = Object.fromEntries(DOMAINS.map((domain) => [domain, { id: fieldId(domain), label: DOMAIN_LABELS[domain] }]));

type Choices = Record<Domain, string>;

function choicesOf(ict: MunicipalIct): Choices {
  const choices = { inkomen: '', werk: '', schulden: '', ketenuitwisseling: '' };
  for (const usage of ict.applicaties) choices[usage.domein] = usage.applicatie ? String(usage.applicatie.id) : '';
  return choices;
}

/** The application per domain, changeable by the municipality's contact and the team. */
function ApplicationsForm({ ict, onSaved, onStale }: { ict: MunicipalIct; onSaved: (message: string) => void; onStale: () => void }) {
  const queryClient = useQueryClient();
  const code = ict.gemeente.code;
  const catalogue = useQuery(applicationsQuery());
  const [choices, setChoices] = useState<Choices>(() => choicesOf(ict));
  const { errors, show, clear, summaryRef } = useFormErrors();
  const saved = choicesOf(ict);

  const save = useMutation({
    mutationFn: async (changed: Domain[]) => {
      for (const domain of changed) {
        const usage = ict.applicaties.find((entry) => entry.domein === domain);
        const chosen = choices[domain];
        await chooseApplication(code, domain, usage?.versie ?? 0, chosen ? Number(chosen) : null);
      }
      return changed.length;
    },
    onMutate: () => {
      clear();
      onSaved('');
    },
    onSuccess: (count) => onSaved(count === 1 ? 'De applicatie is opgeslagen.' : 'De applicaties zijn opgeslagen.'),
    onError: (error) => (isConflict(error) ? onStale() : show(mapErrorToForm(error, DOMAINS))),
    // What the municipality waits for follows from its applications.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ictKeys.municipality(code) }),
        queryClient.invalidateQueries({ queryKey: ictKeys.publicFigures }),
      ]);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = DOMAINS.filter((domain) => choices[domain] !== saved[domain]);
    if (changed.length === 0) {
      onSaved('Er was niets gewijzigd.');
      return;
    }
    save.mutate(changed);
  };

  const options = (domain: Domain): Application[] =>
    (catalogue.data?.resultaten ?? []).filter((application) => application.domeinen.includes(domain) || String(application.id) === saved[domain]);

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={SUMMARY_FIELDS} />
      {catalogue.isError && <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="applicaties-kop">
        {DOMAINS.map((domain) => {
          const current = ict.applicaties.find((entry) => entry.domein === domain)?.applicatie;
          return (
            <SelectField
              key={domain}
              id={fieldId(domain)}
              label={DOMAIN_LABELS[domain]}
              value={choices[domain]}
              onChange={(event) => setChoices((before) => ({ ...before, [domain]: event.target.value }))}
              errors={errors.fields[domain]}
            >
              <SelectOption value="">Geen applicatie opgegeven</SelectOption>
              {/* The current one stays choosable while the catalogue loads. */}
              {!catalogue.data && current && <SelectOption value={String(current.id)}>{`${current.naam} (${current.leverancier.naam})`}</SelectOption>}
              {options(domain).map((application) => (
                <SelectOption key={application.id} value={String(application.id)}>
                  {`${application.naam} (${application.leverancier.naam})`}
                </SelectOption>
              ))}
            </SelectField>
          );
        })}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
            Applicaties opslaan
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

/** The verdicts that make a measure late or at risk through its software. */
const CAUSING: readonly IctVerdict[] = ['te-laat-door-ict', 'risico-door-ict'];

/** The section's opening line: on how many measures the municipality waits, and how many of those are a cause. */
export function waitsSummary(ict: { gemeente: { naam: string }; wachtOp: { oordeel: IctVerdict }[] }): string {
  const name = ict.gemeente.naam;
  const waits = ict.wachtOp.length;
  if (waits === 0) return `${name} wacht voor geen enkele maatregel op een release van een leverancier.`;
  const causing = ict.wachtOp.filter((wait) => CAUSING.includes(wait.oordeel)).length;
  let cause: string;
  if (waits === 1) cause = causing ? 'dat is te laat of met risico' : 'dat is niet te laat of met risico';
  else if (causing === 0) cause = 'bij geen enkele is dat te laat of met risico';
  else cause = `bij ${causing === waits ? `alle ${causing}` : causing} is dat te laat of met risico`;
  return `${name} wacht bij ${plural(waits, 'maatregel', 'maatregelen')} op software van haar leveranciers; ${cause}.`;
}

/** What the municipality waits for, per measure: behind a disclosure, so the page stays short on a phone. */
function Waits({ ict }: { ict: MunicipalIct }) {
  const name = ict.gemeente.naam;
  return (
    <details className="spoorboek-chart__table">
      <summary>Toon de maatregelen waarop {name} wacht</summary>
      <Paragraph>
        Voor maatregelen die gemeentelijke software raken, hangt de gemeente af van de release van haar leverancier.
        Komt die release na de ingangsdatum, dan is de maatregel te laat door ICT; komt zij na de datum waarop de
        gemeente uiterlijk moet starten, dan is er risico door ICT.
      </Paragraph>
      <DataTable
        id="ict-wacht-tabel"
        caption={`Maatregelen waarvoor ${name} op software wacht`}
        columns={['Maatregel', 'Oordeel', 'Wacht op', 'Moet starten op', 'Ingangsdatum']}
      >
        {ict.wachtOp.map((wait) => (
          <TableRow key={wait.maatregel.code}>
            <TableHeaderCell scope="row" className="spoorboek-row-header">
              <AppLink to={cellPath(ict.gemeente.code, wait.maatregel.code)}>
                {wait.maatregel.code} {wait.maatregel.naam}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{verdictLabel(wait.oordeel)}</TableCell>
            <TableCell>
              {wait.wachtOp
                .map((on) => `${on.applicatie.naam} (${on.applicatie.leverancier.naam}): ${statusLabel(on.status).toLowerCase()}, ${releaseText(on.release, on.datum)}`)
                .join('; ')}
            </TableCell>
            <TableCell className="spoorboek-nowrap">{wait.moetStartenOp ? <DutchDate value={wait.moetStartenOp} /> : '–'}</TableCell>
            <TableCell className="spoorboek-nowrap">
              <DutchDate value={wait.ingangsdatum} />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </details>
  );
}

/** On a municipality's progress page: its applications and what it waits for from its suppliers. */
export function MunicipalityIctSection({ code }: { code: string }) {
  const ict = useMunicipalIct(code);
  const { shown: staleShown, ref: staleRef, report: reportStale } = useStale();
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="ict-kop" className="spoorboek-section">
      <Heading level={2} id="ict-kop">
        Software en leveranciers
      </Heading>
      <StatusMessage>{ict.isPending ? 'Software laden…' : ''}</StatusMessage>
      {ict.isError && <ErrorAlert error={ict.error} onRetry={() => void ict.refetch()} />}
      {ict.data && (
        <>
          <Paragraph>{waitsSummary(ict.data)}</Paragraph>
          {ict.data.wachtOp.length > 0 && <Waits ict={ict.data} />}
          <Heading level={3} id="applicaties-kop">
            Applicatie per domein
          </Heading>
          {staleShown && <StaleNotice ref={staleRef} thing="deze applicaties" changed="de applicaties van de gemeente" />}
          <ApplicationsForm ict={ict.data} onSaved={setMessage} onStale={reportStale} />
          <StatusMessage>{message}</StatusMessage>
          <Paragraph>
            <AppLink to={ictHistoryPath(code)}>Geschiedenis van de applicaties van {ict.data.gemeente.naam}</AppLink>
          </Paragraph>
        </>
      )}
    </section>
  );
}
