import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { ChartSection } from '../../shared/ChartSection';
import { DataTable } from '../../shared/DataTable';
import { countText, groupName, scoreText, shareText, TOUCHPOINT_LABELS } from './labels';
import { ScoreBars } from './ScoreBars';
import { SourceNote } from './SourceNote';
import type { AnswerFigure, Group, ProductFigure, SatisfactionFigures, Section, SurveyFigure } from './types';

type Periods = SatisfactionFigures['perioden'];

/** The trend of one number per group: a row per group, a column per period and the whole range. */
function TrendTable<F extends { teWeinigAntwoorden: boolean }>({
  id,
  caption,
  groups,
  periods,
  cell,
}: {
  id: string;
  caption: string;
  groups: Group<F>[];
  periods: Periods;
  cell: (figure: F) => string;
}) {
  return (
    <DataTable id={id} caption={caption} columns={['Groep', ...periods.map((period) => period.code), 'Hele periode']}>
      {groups.map((group) => (
        <TableRow key={group.groep.code}>
          <TableHeaderCell scope="row">{groupName(group.groep)}</TableHeaderCell>
          {group.trend.map((point) => (
            <TableCell key={point.periode}>{cell(point)}</TableCell>
          ))}
          <TableCell>{cell(group.totaal)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function Empty() {
  return <Paragraph>Geen scores in deze periode.</Paragraph>;
}

/** The 1–5 scores of a touchpoint rated from a mail: answers to questions, and meetings. */
const SCORED = {
  antwoorden: {
    intro:
      'Hoe nuttig vraagstellers het antwoord op hun vraag vonden (1 tot 5), gemiddeld over de hele periode. Het responspercentage is het deel van de verstuurde antwoorden dat een score kreeg.',
    subject: 'de scores van de antwoorden',
    asked: 'beoordeeld van gevraagd',
  },
  bijeenkomsten: {
    intro:
      'Hoe nuttig de aanwezigen een bijeenkomst vonden (1 tot 5), in de periode waarin de bijeenkomst was. Het responspercentage is het deel van de aanwezigen dat een score gaf.',
    subject: 'de scores van de bijeenkomsten',
    asked: 'beoordeeld van gevraagd',
  },
} as const;

export function AnswersFigures({
  section,
  periods,
  touchpoint = 'antwoorden',
}: {
  section: Section<AnswerFigure>;
  periods: Periods;
  touchpoint?: keyof typeof SCORED;
}) {
  const groups = section.groepen;
  const words = SCORED[touchpoint];
  return (
    <ChartSection
      id={`${touchpoint}-kop`}
      title={TOUCHPOINT_LABELS[touchpoint]}
      intro={
        <Paragraph>{words.intro}</Paragraph>
      }
      table={
        <>
          <TrendTable
            id={`${touchpoint}-gemiddelde`}
            caption="Gemiddelde score per periode"
            groups={groups}
            periods={periods}
            cell={(f) => scoreText(f.gemiddelde, f.teWeinigAntwoorden)}
          />
          <TrendTable
            id={`${touchpoint}-respons`}
            caption={`Responspercentage per periode (${words.asked})`}
            groups={groups}
            periods={periods}
            cell={(f) =>
              f.teWeinigAntwoorden ? scoreText(null, true) : `${shareText(f.responspercentage, false)} (${f.aantalBeoordeeld ?? 0} van ${f.aantalGevraagd ?? 0})`
            }
          />
          <DataTable id={`${touchpoint}-verdeling`} caption="Verdeling van de scores over de hele periode" columns={['Groep', '1', '2', '3', '4', '5']}>
            {groups.map((group) => (
              <TableRow key={group.groep.code}>
                <TableHeaderCell scope="row">{groupName(group.groep)}</TableHeaderCell>
                {[1, 2, 3, 4, 5].map((score) => (
                  <TableCell key={score}>
                    {countText(group.totaal.verdeling?.find((c) => c.score === score)?.aantal ?? null, group.totaal.teWeinigAntwoorden)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </DataTable>
        </>
      }
      csvSubject={words.subject}
      source={<SourceNote herkomst={section.herkomst} subject={words.subject} />}
    >
      {groups.length === 0 ? (
        <Empty />
      ) : (
        <ScoreBars
          label="Gemiddelde score per groep"
          bars={groups.map((group) => ({
            code: group.groep.code,
            label: groupName(group.groep),
            share: group.totaal.teWeinigAntwoorden || group.totaal.gemiddelde === null ? null : group.totaal.gemiddelde / 5,
            text: scoreText(group.totaal.gemiddelde, group.totaal.teWeinigAntwoorden),
          }))}
        />
      )}
    </ChartSection>
  );
}

export function ProductsFigures({ section, periods }: { section: Section<ProductFigure>; periods: Periods }) {
  const groups = section.groepen;
  return (
    <ChartSection
      id="producten-kop"
      title={TOUCHPOINT_LABELS.producten}
      intro={<Paragraph>Het deel van de stemmen ‘Was dit nuttig?’ op gepubliceerde producten dat ‘ja’ was.</Paragraph>}
      table={
        <TrendTable
          id="producten-trend"
          caption="Aandeel nuttig (en aantal stemmen) per periode"
          groups={groups}
          periods={periods}
          cell={(f) => (f.teWeinigAntwoorden ? shareText(null, true) : `${shareText(f.aandeelNuttig, false)} (${f.aantalStemmen ?? 0})`)}
        />
      }
      csvSubject="de stemmen op producten"
      source={<SourceNote herkomst={section.herkomst} subject="de stemmen op producten" />}
    >
      {groups.length === 0 ? (
        <Empty />
      ) : (
        <ScoreBars
          label="Aandeel nuttig per groep"
          bars={groups.map((group) => ({
            code: group.groep.code,
            label: groupName(group.groep),
            share: group.totaal.teWeinigAntwoorden ? null : group.totaal.aandeelNuttig,
            text: shareText(group.totaal.aandeelNuttig, group.totaal.teWeinigAntwoorden),
          }))}
        />
      )}
    </ChartSection>
  );
}

export function SurveyFigures({ section, periods }: { section: Section<SurveyFigure>; periods: Periods }) {
  const groups = section.groepen;
  const questions = groups.find((group) => group.totaal.vragen.length > 0)?.totaal.vragen.map((q) => q.vraag) ?? [];
  const first = questions[0];
  return (
    <ChartSection
      id="peiling-kop"
      title={TOUCHPOINT_LABELS.peiling}
      intro={
        <Paragraph>
          {first ? `Het gemiddelde op de vraag ‘${first.tekst}’ (1 tot 5). ` : ''}
          Het responspercentage is het deel van de uitnodigingen dat beantwoord is; een ronde telt in de periode waarin
          zij openging.
        </Paragraph>
      }
      table={
        <>
          <DataTable id="peiling-vragen" caption="Gemiddelde per vraag over de hele periode" columns={['Groep', 'Respons', ...questions.map((q) => q.tekst)]}>
            {groups.map((group) => (
              <TableRow key={group.groep.code}>
                <TableHeaderCell scope="row">{groupName(group.groep)}</TableHeaderCell>
                <TableCell>{shareText(group.totaal.responspercentage, group.totaal.teWeinigAntwoorden)}</TableCell>
                {questions.map((question) => {
                  const found = group.totaal.vragen.find((q) => q.vraag.id === question.id);
                  return <TableCell key={question.id}>{scoreText(found?.gemiddelde ?? null, !found || found.teWeinigAntwoorden)}</TableCell>;
                })}
              </TableRow>
            ))}
          </DataTable>
          <TrendTable
            id="peiling-respons"
            caption="Responspercentage per periode"
            groups={groups}
            periods={periods}
            cell={(f) => shareText(f.responspercentage, f.teWeinigAntwoorden)}
          />
        </>
      }
      csvSubject="de peiling"
      source={<SourceNote herkomst={section.herkomst} subject="de peiling" />}
    >
      {groups.length === 0 || !first ? (
        <Empty />
      ) : (
        <ScoreBars
          label={`Gemiddelde op ‘${first.tekst}’ per groep`}
          bars={groups.map((group) => {
            const figure = group.totaal.vragen.find((q) => q.vraag.id === first.id);
            const withheld = !figure || figure.teWeinigAntwoorden;
            return {
              code: group.groep.code,
              label: groupName(group.groep),
              share: withheld || figure.gemiddelde === null ? null : figure.gemiddelde / 5,
              text: scoreText(figure?.gemiddelde ?? null, withheld),
            };
          })}
        />
      )}
    </ChartSection>
  );
}
