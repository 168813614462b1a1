import { ButtonGroup, Heading, Paragraph, TableHeaderCell } from '@utrecht/component-library-react';

import { pageFrom } from '../shared/Pagination';
import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { ButtonAppLink } from '../app/AppLink';
import { PAGE_SIZE, questionListQuery } from './api';
import { ASK_PATH } from './paths';
import { ASKER_COLUMNS, QuestionRow } from './QuestionRow';
import type { InboxFilters } from './types';
import './questions.css';

/** /mijn-vragen: a municipal contact's own questions, with status, due date and (on each page) the answer. */
export default function MyQuestionsPage() {
  const questions = usePagedList({
    filtersFrom: (params): InboxFilters => ({
      pagina: pageFrom(params.get('pagina')),
      paginaGrootte: PAGE_SIZE,
      sorteer: '-ontvangenOp',
    }),
    query: questionListQuery,
    messages: {
      loading: 'Vragen laden…',
      empty: 'U hebt nog geen vragen gesteld.',
      found: ({ total }) => `${counted(total, 'vraag', 'vragen')}.`,
    },
  });
  return (
    <>
      <title>Mijn vragen – Spoorboek</title>
      <Heading level={1}>Mijn vragen</Heading>
      <Paragraph appearance="lead">
        De vragen die u aan het programmateam stelde, nieuwste eerst. Open een vraag voor het antwoord.
      </Paragraph>
      <ButtonGroup>
        <ButtonAppLink to={ASK_PATH}>Vraag stellen</ButtonAppLink>
      </ButtonGroup>
      <ResultList
        heading="Uw vragen"
        list={questions}
        columns={ASKER_COLUMNS.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(question) => <QuestionRow key={question.id} question={question} team={false} />}
      />
    </>
  );
}
