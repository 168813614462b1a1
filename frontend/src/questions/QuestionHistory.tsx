import { HistorySection } from '../shared/HistorySection';
import { useHistory } from './api';
import { eventText } from './labels';

/** Every step of the question, newest first (team only). */
export function QuestionHistory({ questionId }: { questionId: number }) {
  return <HistorySection history={useHistory(questionId)} describe={(event) => eventText(event)} />;
}
