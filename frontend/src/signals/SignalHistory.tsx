import { HistorySection } from '../shared/HistorySection';
import { useSignalHistory } from './api';
import { eventText } from './labels';
import type { SignalRead } from './types';

/** Every step of the signal, newest first (team only); municipalities by name where the signal names them. */
export function SignalHistory({ signal }: { signal: SignalRead }) {
  const places = Object.fromEntries(
    [signal.gemeente, ...signal.knelpunten.map((blocker) => blocker.gemeente), ...signal.ookBij.map((support) => support.gemeente)]
      .filter((place) => place !== null)
      .map((place) => [place.code, place.naam]),
  );
  return <HistorySection history={useSignalHistory(signal.id)} describe={(event) => eventText(event, places)} />;
}
