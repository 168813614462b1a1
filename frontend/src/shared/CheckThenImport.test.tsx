import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '../api/problem';
import { CheckThenImport, type CheckThenImportWording } from './CheckThenImport';
import { DataTable } from './DataTable';

const FIND = { timeout: 5000 };

interface Report {
  rijen: number;
  gecontroleerd: boolean;
}

interface Problem {
  row: number;
  message: string;
}

const WORDING: CheckThenImportWording = {
  title: 'Lijst inlezen',
  formHeading: { id: 'lijst-kop', text: 'Lijst kiezen' },
  fileDescription: 'CSV, hoogstens 1 MiB.',
  noFile: 'Kies een lijst.',
  store: 'Opslaan',
  nothingYet: 'Nog geen lijst gekozen.',
  refused: 'De lijst is niet ingelezen',
};

function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.extensions.rijFouten)) return [];
  return (error.extensions.rijFouten as { rij: number; fouten: string[] }[]).flatMap((entry) =>
    entry.fouten.map((message) => ({ row: entry.rij, message })),
  );
}

function ProblemTable({ problems }: { problems: Problem[] }) {
  return (
    <DataTable id="test-fouten" caption="Fouten per regel" visibleCaption columns={['Regel', 'Melding']}>
      {problems.map((problem, index) => (
        <TableRow key={index}>
          <TableCell>{problem.row}</TableCell>
          <TableCell>{problem.message}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** The screen with `upload` answering as the server would; the calls it got and the refreshes after storing. */
function setUp(upload: (file: File, checkOnly: boolean) => Promise<Report>, checkFirst = true) {
  const sent = vi.fn(upload);
  const onStored = vi.fn(() => Promise.resolve());
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <CheckThenImport
        wording={WORDING}
        lead="Lees een lijst in."
        accept=".csv"
        upload={sent}
        reportText={(report: Report) => `${report.gecontroleerd ? 'Gecontroleerd' : 'Opgeslagen'}: ${report.rijen} rijen.`}
        rowProblems={problemsOf}
        correctionText={(problems: Problem[]) => `Verbeter ${problems.length} regels.`}
        ProblemTable={ProblemTable}
        fileStatuses={[413, 415]}
        checkFirst={checkFirst}
        onStored={onStored}
      >
        <section aria-label="Het formaat">Eén regel per gemeente.</section>
      </CheckThenImport>
    </QueryClientProvider>,
  );
  return { sent, onStored };
}

const FILE = new File(['gemeente\nGM0344\n'], 'lijst.csv', { type: 'text/csv' });

function chooseFile() {
  fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [FILE] } });
}

describe('the screen that checks a file before reading it in', () => {
  it('checks a file first, says what a clean check found, then stores the same file and checks the next one first', async () => {
    const { sent, onStored } = setUp((_file, checkOnly) => Promise.resolve({ rijen: 3, gecontroleerd: checkOnly }));
    expect(screen.getByRole('heading', { level: 1, name: 'Lijst inlezen' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Het formaat' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Nog geen lijst gekozen.');
    expect(screen.getByRole('checkbox', { name: 'Alleen controleren, nog niets opslaan' })).toBeChecked();

    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    expect(await screen.findByText('Gecontroleerd: 3 rijen.', {}, FIND)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Resultaat' })).toHaveFocus();
    expect(sent).toHaveBeenLastCalledWith(FILE, true);
    expect(onStored).not.toHaveBeenCalled();

    // A clean check: the next click stores the same file.
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen: 3 rijen.', {}, FIND)).toBeInTheDocument();
    expect(sent).toHaveBeenLastCalledWith(FILE, false);
    await waitFor(() => expect(onStored).toHaveBeenCalledTimes(1), FIND);
    expect(screen.getByRole('button', { name: 'Controleren' })).toBeInTheDocument();
  });

  it('leaves the check-only choice as the user set it when checking first is not asked for', async () => {
    const { sent, onStored } = setUp((_file, checkOnly) => Promise.resolve({ rijen: 1, gecontroleerd: checkOnly }), false);
    const checkOnly = screen.getByRole('checkbox', { name: 'Alleen controleren, nog niets opslaan' });
    expect(checkOnly).not.toBeChecked();
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen: 1 rijen.', {}, FIND)).toBeInTheDocument();
    expect(sent).toHaveBeenLastCalledWith(FILE, false);
    await waitFor(() => expect(onStored).toHaveBeenCalledTimes(1), FIND);
    expect(checkOnly).not.toBeChecked();
  });

  it('shows a refused file’s problems per row, with the server’s detail and what to correct', async () => {
    setUp(() =>
      Promise.reject(
        new ApiError(400, 'Ongeldige rijen', '2 van 3 rijen zijn ongeldig; er is niets opgeslagen.', {
          extensions: { rijFouten: [{ rij: 2, fouten: ['gemeente: GM9999 bestaat niet.'] }, { rij: 4, fouten: ['fase: leeg.'] }] },
        }),
      ),
    );
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    const refusal = await screen.findByRole('heading', { level: 3, name: 'De lijst is niet ingelezen' }, FIND);
    const alert = refusal.closest('.utrecht-alert') as HTMLElement;
    expect(within(alert).getByText('2 van 3 rijen zijn ongeldig; er is niets opgeslagen.')).toBeInTheDocument();
    expect(within(alert).getByText('Verbeter 2 regels.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Fouten per regel' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['2', 'gemeente: GM9999 bestaat niet.'],
      ['4', 'fase: leeg.'],
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Resultaat' })).toHaveFocus();
    // Still checking: a refused check is no clean one.
    expect(screen.getByRole('button', { name: 'Controleren' })).toBeInTheDocument();
  });

  it('puts an error about the file itself at the file field, and other errors in the summary only', async () => {
    let answer = new ApiError(415, 'Bestand niet leesbaar', 'Het bestand is geen CSV.');
    setUp(() => Promise.reject(answer));
    fireEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    const field = screen.getByLabelText('Bestand');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Kies een lijst.'));

    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining('Het bestand is geen CSV.')), FIND);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const summary = screen.getByRole('heading', { name: 'Controleer de volgende gegevens' }).closest('.spoorboek-error-summary');
    await waitFor(() => expect(summary).toHaveFocus(), FIND);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    // A wrong header (400 without rows) is not about the file on this screen: the summary says it.
    answer = new ApiError(400, 'Ongeldig bestand', 'De kolom gemeente ontbreekt.');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    expect(await screen.findByRole('heading', { name: 'Dat lukte niet' }, FIND)).toBeInTheDocument();
    expect(screen.getByText('De kolom gemeente ontbreekt.')).toBeInTheDocument();
    expect(field).not.toHaveAttribute('aria-invalid');
  });
});
