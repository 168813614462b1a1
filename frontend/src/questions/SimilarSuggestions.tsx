import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { StatusMessage } from '../shared/StatusMessage';
import { useDebouncedValue } from '../shared/useDebouncedValue';
import { useSuggestions } from './api';
import { STATUS_LABELS } from './labels';
import { faqPath, questionPath } from './paths';
import { suggestionsText, suggestionText } from './suggest';

/**
 * While someone types a question: FAQ answers and open questions that look like it, so a known
 * answer is found before a new question is filed. The count is announced politely; the links
 * stay outside the live region so a screen reader does not read them all on every keystroke.
 */
export function SimilarSuggestions({ subject, question, team }: { subject: string; question: string; team: boolean }) {
  const text = useDebouncedValue(suggestionText(subject, question), 300);
  const suggestions = useSuggestions(text);
  const data = text ? suggestions.data : undefined;
  let status = '';
  if (text && suggestions.isFetching && !data) status = 'Vergelijkbare antwoorden zoeken…';
  else if (text && suggestions.isError) status = 'Vergelijkbare antwoorden konden niet worden gezocht.';
  else status = suggestionsText(data, team);

  return (
    <section aria-labelledby="lijkt-op-kop" className="spoorboek-section spoorboek-suggestions">
      <Heading level={2} id="lijkt-op-kop">
        Lijkt op uw vraag
      </Heading>
      {!text && <Paragraph>Terwijl u typt, ziet u hier antwoorden die er al zijn.</Paragraph>}
      <StatusMessage>{status}</StatusMessage>
      {data && data.faq.length > 0 && (
        <>
          <Heading level={3} id="lijkt-op-faq">
            Veelgestelde vragen
          </Heading>
          <UnorderedList aria-labelledby="lijkt-op-faq">
            {data.faq.map((item) => (
              <UnorderedListItem key={item.id}>
                <AppLink to={faqPath(item.id)} target="_blank" rel="noopener">
                  {item.vraag} <span className="spoorboek-visually-hidden">(opent in een nieuw venster)</span>
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {data && data.vragen.length > 0 && (
        <>
          <Heading level={3} id="lijkt-op-vragen">
            {team ? 'Open vragen' : 'Uw open vragen'}
          </Heading>
          <UnorderedList aria-labelledby="lijkt-op-vragen">
            {data.vragen.map((item) => (
              <UnorderedListItem key={item.id}>
                <AppLink to={questionPath(item.id, team)}>
                  Vraag {item.id}: {item.onderwerp}
                </AppLink>{' '}
                <span className="spoorboek-muted">({STATUS_LABELS[item.status].toLowerCase()})</span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}
