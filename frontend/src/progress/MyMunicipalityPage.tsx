import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { AppLink } from '../app/AppLink';
import { useCurrentUser } from '../auth/session';
import { CheckboxGroup, SelectField, TextField } from '../forms/fields';
import { DataTable } from '../shared/DataTable';
import { todayIso } from '../shared/dates';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchMunicipalityProgress, progressKeys, useRoadmap } from './api';
import { PHASE_LABELS, PHASES } from './labels';
import { MunicipalityProgress } from './MunicipalityProgress';
import { cellPath, municipalityPath, UPLOAD_PATH } from './paths';
import {
  goesBack,
  memberResults,
  reportBody,
  reportProblems,
  sideBySide,
  type Member,
  type MemberResult,
  type ReportForm,
} from './sharedService';
import { TrafficLightBadge } from './TrafficLightBadge';
import type { Cell, Phase } from './types';
import { plural } from '../shared/dutch';

function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

function useMembersProgress(members: Member[]) {
  return useQueries({
    queries: members.map((member) => ({
      queryKey: progressKeys.municipality(member.code),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMunicipalityProgress(member.code, signal),
      staleTime: 0,
    })),
  });
}

/** The members side by side: per measure, each member's phase and light. */
function MembersOverview({ members, progress }: { members: Member[]; progress: (Cell[] | undefined)[] }) {
  const rows = sideBySide(progress);
  return (
    <section aria-labelledby="naast-elkaar-kop" className="spoorboek-section">
      <Heading level={2} id="naast-elkaar-kop">
        Uw gemeenten naast elkaar
      </Heading>
      {rows.length > 0 && (
        <DataTable
          id="naast-elkaar-tabel"
          caption="Fase en verkeerslicht per maatregel, per gemeente"
          columns={['Maatregel', ...members.map((member) => member.naam)]}
        >
          {rows.map((row) => (
            <TableRow key={row.maatregel.code}>
              <TableHeaderCell scope="row">
                {row.maatregel.code} {row.maatregel.naam}
              </TableHeaderCell>
              {row.cells.map((cell, index) => {
                const member = members[index];
                if (!member) return null;
                return (
                  <TableCell key={member.code}>
                    {cell ? (
                      <>
                        {/* Many links read alike; out of the table, each says whose it is (its name starts with the visible text). */}
                        <AppLink
                          to={cellPath(member.code, row.maatregel.code)}
                          aria-label={`${PHASE_LABELS[cell.fase]} (${member.naam}, ${row.maatregel.code})`}
                        >
                          {PHASE_LABELS[cell.fase]}
                        </AppLink>
                        <br />
                        <TrafficLightBadge light={cell.verkeerslicht} />
                      </>
                    ) : (
                      '–'
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function ResultsTable({ results }: { results: MemberResult[] }) {
  return (
    <DataTable
      id="melding-resultaat-tabel"
      caption="Resultaat per gemeente"
      visibleCaption
      columns={['Gemeente', 'Was', 'Is nu', 'Uitkomst']}
    >
      {results.map((result) => (
        <TableRow key={result.member.code}>
          <TableHeaderCell scope="row">{result.member.naam}</TableHeaderCell>
          <TableCell>{result.before ? PHASE_LABELS[result.before] : '–'}</TableCell>
          <TableCell>{result.after ? PHASE_LABELS[result.after] : '–'}</TableCell>
          <TableCell>{result.changed ? 'Gewijzigd' : 'Ongewijzigd'}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/**
 * One state (phase, steps done) for every member of the shared service at once, through the
 * shared service's report. Each member is ticked one by one; a member that would go back a phase
 * says so beside its name, and its tick is the confirmation the API asks for.
 */
function SharedReportForm({
  organisation,
  members,
  progress,
}: {
  organisation: { code: string; naam: string };
  members: Member[];
  progress: (Cell[] | undefined)[];
}) {
  const queryClient = useQueryClient();
  const measures = sideBySide(progress).map((row) => row.maatregel);
  const [form, setForm] = useState<ReportForm>({
    maatregel: '',
    fase: 'voorbereidend',
    stappen: [],
    gereedOp: todayIso(),
    bevestigd: [],
  });
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [results, setResults] = useState<MemberResult[] | null>(null);
  const roadmap = useRoadmap(form.maatregel || 'M01');

  const cellOf = (cells: Cell[] | undefined) => cells?.find((cell) => cell.maatregel.code === form.maatregel);
  const before: Record<string, Cell | undefined> = {};
  members.forEach((member, index) => (before[member.code] = cellOf(progress[index])));

  const send = useMutation({
    mutationFn: async (sent: ReportForm) => {
      const current = Object.fromEntries(members.map((m) => [m.code, before[m.code]?.fase]));
      const was = { ...before };
      await unwrap(
        apiClient.POST('/organisaties/{code}/voortgang', {
          params: { path: { code: organisation.code } },
          body: reportBody(sent, current),
        }),
      );
      const after: Record<string, Cell | undefined> = {};
      for (const member of members) {
        const cells = await queryClient.fetchQuery({
          queryKey: progressKeys.municipality(member.code),
          queryFn: ({ signal }) => fetchMunicipalityProgress(member.code, signal),
          staleTime: 0,
        });
        after[member.code] = cells.find((cell) => cell.maatregel.code === sent.maatregel);
      }
      return memberResults(members, was, after);
    },
    onSuccess: setResults,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResults(null);
    const found = reportProblems(form, members);
    setProblems(found);
    if (Object.keys(found).length === 0) send.mutate(form);
  };

  const update = (change: Partial<ReportForm>) => setForm((old) => ({ ...old, ...change }));
  const steps = form.maatregel && roadmap.data ? roadmap.data.stappen : [];

  return (
    <section aria-labelledby="melding-kop" className="spoorboek-section">
      <Heading level={2} id="melding-kop">
        Eén stand doorgeven voor alle gemeenten
      </Heading>
      <Paragraph>
        Voor {organisation.naam}: dezelfde fase (en eventueel stappen) voor één maatregel bij al uw gemeenten tegelijk.
        Vink elke gemeente aan om te bevestigen dat de stand ook voor haar geldt.
      </Paragraph>
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Eén stand voor alle gemeenten">
        {send.isError && <ErrorAlert error={send.error} />}
        <SelectField
          id="melding-maatregel"
          label="Maatregel"
          value={form.maatregel}
          errors={problems.maatregel}
          onChange={(event) => update({ maatregel: event.target.value, stappen: [] })}
        >
          <SelectOption value="">Kies een maatregel</SelectOption>
          {measures.map((measure) => (
            <SelectOption key={measure.code} value={measure.code}>
              {measure.code} {measure.naam}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          id="melding-fase"
          label="Fase"
          value={form.fase}
          onChange={(event) => {
            if (isPhase(event.target.value)) update({ fase: event.target.value });
          }}
        >
          {PHASES.map((phase) => (
            <SelectOption key={phase} value={phase}>
              {PHASE_LABELS[phase]}
            </SelectOption>
          ))}
        </SelectField>
        {steps.length > 0 && (
          <>
            <CheckboxGroup
              id="melding-stappen"
              legend="Stappen gereed"
              description="Vinkt u geen stap aan, dan houdt elke gemeente haar eigen stappen. Aangevinkt vervangt de stappen van elke gemeente."
              value={form.stappen}
              onChange={(stappen) => update({ stappen })}
              choices={steps.map((step) => ({ value: step.code, label: step.titel }))}
            />
            {form.stappen.length > 0 && (
              <TextField
                id="melding-gereed-op"
                label="Gereed op"
                type="date"
                value={form.gereedOp}
                errors={problems.gereedOp}
                onChange={(event) => update({ gereedOp: event.target.value })}
              />
            )}
          </>
        )}
        <CheckboxGroup
          id="melding-bevestigd"
          legend="Geldt voor"
          description="Vink elke gemeente afzonderlijk aan."
          value={form.bevestigd}
          errors={problems.bevestigd}
          onChange={(bevestigd) => update({ bevestigd })}
          choices={members.map((member) => {
            const current = before[member.code]?.fase;
            const back = form.maatregel !== '' && goesBack(current, form.fase);
            return {
              value: member.code,
              label: form.maatregel && current ? `${member.naam} (nu ${PHASE_LABELS[current]})` : member.naam,
              description:
                back && current
                  ? `Gaat terug van ${PHASE_LABELS[current]} naar ${PHASE_LABELS[form.fase]}; uw vinkje bevestigt dat.`
                  : undefined,
            };
          })}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={send.isPending} disabled={send.isPending}>
            Stand doorgeven
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{results ? `Doorgegeven voor ${plural(results.length, 'gemeente', 'gemeenten')}.` : ''}</StatusMessage>
      </form>
      {results && <ResultsTable results={results} />}
    </section>
  );
}

/**
 * /mijn-gemeente: a municipal contact's own progress. A contact of one municipality sees it at once;
 * a shared service's contact (several municipalities) sees them side by side, can open each, and
 * can report one state for all of them at once.
 */
export default function MyMunicipalityPage() {
  const user = useCurrentUser();
  const municipalities = user?.gemeenten ?? [];
  const only = municipalities.length === 1 ? municipalities[0] : undefined;
  const progress = useMembersProgress(only ? [] : municipalities);
  if (only) return <MunicipalityProgress code={only.code} />;

  const loading = progress.some((query) => query.isPending);
  const failed = progress.find((query) => query.isError);
  const data = progress.map((query) => query.data);
  return (
    <>
      <title>Mijn gemeenten – Spoorboek</title>
      <Heading level={1}>Mijn gemeenten</Heading>
      {municipalities.length === 0 ? (
        <Paragraph>
          Uw account is nog niet aan een gemeente gekoppeld, dus u kunt geen voortgang doorgeven. Vraag een beheerder
          van Spoorboek om uw account aan uw gemeente te koppelen.
        </Paragraph>
      ) : (
        <>
          <Paragraph appearance="lead">
            U geeft de voortgang door voor {municipalities.length} gemeenten. Kies een gemeente om haar stand per
            maatregel te bekijken en te wijzigen, geef één stand door voor alle gemeenten tegelijk, of geef de stand van
            alle gemeenten door met een <AppLink to={UPLOAD_PATH}>bestand</AppLink>.
          </Paragraph>
          <UnorderedList aria-label="Mijn gemeenten">
            {municipalities.map((municipality) => (
              <UnorderedListItem key={municipality.code}>
                <AppLink to={municipalityPath(municipality.code)}>{municipality.naam}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <StatusMessage>{loading ? 'Voortgang laden…' : ''}</StatusMessage>
          {failed?.error && <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />}
          {!loading && !failed && <MembersOverview members={municipalities} progress={data} />}
          {!loading && !failed && user?.organisatie && (
            <SharedReportForm organisation={user.organisatie} members={municipalities} progress={data} />
          )}
        </>
      )}
    </>
  );
}
