import { Alert, ButtonGroup, Fieldset, FieldsetLegend, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState } from 'react';

import { TextAreaField, TextField } from '../../forms/fields';
import { parseMeasureCodes } from './sections';

interface Own {
  titel: string;
  tekst: string;
  maatregelen: string[];
}

/**
 * A section the editor writes herself. A fieldset inside the edition's form (forms do not nest),
 * so its button adds without submitting, and Enter in its fields does not save the edition.
 */
export function OwnSectionForm({ onAdd }: { onAdd: (own: Own) => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [measures, setMeasures] = useState('');
  const [errors, setErrors] = useState<{ titel?: string; maatregelen?: string }>({});

  const add = () => {
    const { codes, invalid } = parseMeasureCodes(measures);
    const next = {
      titel: title.trim() === '' ? 'Geef de sectie een titel.' : undefined,
      maatregelen: invalid.length > 0 ? `Dit zijn geen codes van maatregelen: ${invalid.join(', ')}. Gebruik bijvoorbeeld M01.` : undefined,
    };
    setErrors(next);
    if (next.titel || next.maatregelen) {
      document.getElementById(next.titel ? 'eigen-sectie-titel' : 'eigen-sectie-maatregelen')?.focus();
      return;
    }
    onAdd({ titel: title.trim(), tekst: text, maatregelen: codes });
    setTitle('');
    setText('');
    setMeasures('');
  };
  const noEnter = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      add();
    }
  };

  return (
    <Fieldset onKeyDown={noEnter}>
      <FieldsetLegend>Eigen sectie toevoegen</FieldsetLegend>
      <Paragraph>Komt onderaan; verplaats hem daarna naar de plek die u wilt.</Paragraph>
      {(errors.titel ?? errors.maatregelen) && (
        <Alert type="error">
          <Paragraph>{[errors.titel, errors.maatregelen].filter(Boolean).join(' ')}</Paragraph>
        </Alert>
      )}
      <TextField
        id="eigen-sectie-titel"
        label="Titel"
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        errors={errors.titel ? [errors.titel] : undefined}
      />
      <TextAreaField
        id="eigen-sectie-tekst"
        label="Tekst (Markdown)"
        rows={4}
        maxLength={10000}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <TextField
        id="eigen-sectie-maatregelen"
        label="Maatregelen (optioneel)"
        description="Codes gescheiden door spaties of komma’s, bijvoorbeeld: M01, M07. Leeg: voor iedereen."
        value={measures}
        onChange={(event) => setMeasures(event.target.value)}
        errors={errors.maatregelen ? [errors.maatregelen] : undefined}
      />
      <ButtonGroup>
        <SecondaryActionButton type="button" onClick={add}>
          Sectie toevoegen
        </SecondaryActionButton>
      </ButtonGroup>
    </Fieldset>
  );
}
