import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';

import { TextAreaField, TextField } from '../../forms/fields';
import { StatusMessage } from '../../shared/StatusMessage';
import { SECTION_KIND_LABELS } from './labels';
import { OwnSectionForm } from './OwnSectionForm';
import { addOwnSection, moveSection, removeItem, removeSection, updateSection, type DraftSection } from './sections';

interface Props {
  sections: DraftSection[];
  onChange: (sections: DraftSection[]) => void;
  errors: Record<string, string[]>;
}

// After a move the section's buttons are put back in the DOM elsewhere, which loses focus: give
// it back to the same button, or its neighbour when the section reached the edge.
function useFocusAfterMove() {
  const target = useRef<{ id: string; fallback: string } | null>(null);
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    if (!target.current) return;
    const button = document.getElementById(target.current.id) as HTMLButtonElement | null;
    const element = button && !button.disabled ? button : document.getElementById(target.current.fallback);
    element?.focus();
    target.current = null;
  }, [moves]);
  return (next: { id: string; fallback: string }) => {
    target.current = next;
    setMoves((count) => count + 1);
  };
}

/** The edition's sections in order: move, remove, edit the title and text, remove single items. */
export function SectionsEditor({ sections, onChange, errors }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useFocusAfterMove();

  const move = (index: number, direction: -1 | 1) => {
    const section = sections[index];
    if (!section) return;
    onChange(moveSection(sections, index, direction));
    const place = index + direction + 1;
    setAnnouncement(`Sectie ‘${section.titel}’ staat nu op plaats ${place} van ${sections.length}.`);
    const [own, other] = direction < 0 ? ['omhoog', 'omlaag'] : ['omlaag', 'omhoog'];
    focusAfterMove({ id: `${section.key}-${own}`, fallback: `${section.key}-${other}` });
  };
  const remove = (index: number) => {
    const section = sections[index];
    if (!section) return;
    onChange(removeSection(sections, index));
    setAnnouncement(`Sectie ‘${section.titel}’ is verwijderd. Dat geldt pas na opslaan.`);
    document.getElementById('secties-kop')?.focus();
  };
  const dropItem = (index: number, itemIndex: number) => {
    const item = sections[index]?.items?.[itemIndex];
    onChange(removeItem(sections, index, itemIndex));
    setAnnouncement(`Item ‘${item?.titel ?? ''}’ is verwijderd. Dat geldt pas na opslaan.`);
    document.getElementById(`${sections[index]?.key ?? ''}-kop`)?.focus();
  };

  return (
    <section aria-labelledby="secties-kop" className="spoorboek-section">
      <Heading level={2} id="secties-kop" tabIndex={-1}>
        Secties
      </Heading>
      <Paragraph>
        De secties staan in de volgorde van de nieuwsbrief. Een abonnee krijgt alleen de secties en items over haar
        maatregelen, thema’s of golven, en de secties over alles.
      </Paragraph>
      <StatusMessage>{announcement}</StatusMessage>
      {errors.secties && (
        <Paragraph id="secties-fouten" className="spoorboek-field-error">
          {errors.secties.join(' ')}
        </Paragraph>
      )}
      {sections.length === 0 && <Paragraph>Deze editie heeft geen secties. Voeg hieronder een eigen sectie toe.</Paragraph>}
      <ol className="spoorboek-edition-sections">
        {sections.map((section, index) => {
          const headingId = `${section.key}-kop`;
          const items = section.items ?? [];
          return (
            <li key={section.key} className="spoorboek-edition-section" aria-labelledby={headingId}>
              <Heading level={3} id={headingId} tabIndex={-1}>
                {index + 1}. {section.titel || '(zonder titel)'}
              </Heading>
              <Paragraph className="spoorboek-edition-section__kind">
                {SECTION_KIND_LABELS[section.soort] ?? section.soort}
                {section.maatregelen && section.maatregelen.length > 0
                  ? ` · over ${section.maatregelen.join(', ')}`
                  : ' · voor iedereen'}
              </Paragraph>
              <TextField
                id={`${section.key}-titel`}
                label="Titel van de sectie"
                maxLength={200}
                value={section.titel}
                onChange={(event) => onChange(updateSection(sections, index, { titel: event.target.value }))}
              />
              <TextAreaField
                id={`${section.key}-tekst`}
                label="Tekst boven de items (Markdown, optioneel)"
                rows={3}
                maxLength={10000}
                value={section.tekst ?? ''}
                onChange={(event) => onChange(updateSection(sections, index, { tekst: event.target.value }))}
              />
              {items.length > 0 && (
                <>
                  <Heading level={4}>Items</Heading>
                  <ul className="spoorboek-edition-items">
                    {items.map((item, itemIndex) => (
                      <li key={`${itemIndex}-${item.titel}`}>
                        {item.titel}
                        {item.maatregelen && item.maatregelen.length > 0 ? ` (${item.maatregelen.join(', ')})` : ''}{' '}
                        <Button
                          type="button"
                          appearance="subtle-button"
                          aria-label={`Verwijderen: item ‘${item.titel}’`}
                          onClick={() => dropItem(index, itemIndex)}
                        >
                          Verwijderen
                        </Button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <ButtonGroup>
                <Button
                  id={`${section.key}-omhoog`}
                  type="button"
                  appearance="secondary-action-button"
                  disabled={index === 0}
                  aria-label={`Omhoog: sectie ‘${section.titel}’`}
                  onClick={() => move(index, -1)}
                >
                  Omhoog
                </Button>
                <Button
                  id={`${section.key}-omlaag`}
                  type="button"
                  appearance="secondary-action-button"
                  disabled={index === sections.length - 1}
                  aria-label={`Omlaag: sectie ‘${section.titel}’`}
                  onClick={() => move(index, 1)}
                >
                  Omlaag
                </Button>
                <Button
                  type="button"
                  appearance="subtle-button"
                  aria-label={`Sectie verwijderen: ‘${section.titel}’`}
                  onClick={() => remove(index)}
                >
                  Sectie verwijderen
                </Button>
              </ButtonGroup>
            </li>
          );
        })}
      </ol>
      <OwnSectionForm
        onAdd={(own) => {
          onChange(addOwnSection(sections, own));
          setAnnouncement(`Sectie ‘${own.titel}’ is onderaan toegevoegd. Dat geldt pas na opslaan.`);
        }}
      />
    </section>
  );
}
