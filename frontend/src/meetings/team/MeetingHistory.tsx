import { HistorySection } from '../../shared/HistorySection';
import { useMeetingHistory } from './api';
import { stepText } from './labels';

/** Every step of the meeting, newest first, with who took it. */
export function MeetingHistory({ id }: { id: number }) {
  return <HistorySection history={useMeetingHistory(id)} describe={(step) => stepText(step.soort, step.gegevens)} />;
}
