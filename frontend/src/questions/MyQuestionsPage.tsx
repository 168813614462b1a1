import { ButtonGroup, Heading, Paragraph, TableHeaderCell } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';

import { pageFrom } from '../shared/Pagination';
import { ResultList } from '../shared/ResultList';
import { ButtonAppLink } from '../app/AppLink';
import { PAGE_SIZE, useQuestions } from './api';
import { ASK_PATH } from './paths';
import { ASKER_COLUMNS, QuestionRow } from './QuestionRow';
import './questions.css';

/** /mijn-vragen: a municipal contact's own questions, with status, due date and (on each page) the answer. */
export default function MyQuestionsPage() {
  const [params] = useSearchParams();
  const page = pageFrom(params.get('pagina'));
  const questions = useQuestions({ pagina: page, paginaGrootte: PAGE_SIZE, sorteer: '-ontvangenOp' });
  let status = '';
  if (questions.isPending) status = 'Vragen laden…';
  else if (questions.data) {
    const { totaal } = questions.data.paginering;
    status = totaal === 0 ? 'U hebt nog geen vragen gesteld.' : `${totaal} ${totaal === 1 ? 'vraag' : 'vragen'}.`;
  }
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
        focusKey={params.toString()}
        status={status}
        query={questions}
        columns={ASKER_COLUMNS.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(question) => <QuestionRow key={question.id} question={question} team={false} />}
        hrefFor={(target) => ({ search: `pagina=${target}` })}
      />
    </>
  );
}
