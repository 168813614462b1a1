import { describe, expect, it } from 'vitest';

import {
  BLOCKER_KINDS,
  blockerKindLabel,
  LIGHT_LABELS,
  LIGHT_SYMBOLS,
  LIGHTS,
  PHASE_ABBREVIATIONS,
  PHASES,
  percentText,
  phaseLabel,
  slackText,
} from './labels';
import { countLights, lightsText } from './summary';

describe('progress labels', () => {
  it('names every phase in Dutch with diacritics, and gives each a distinct abbreviation', () => {
    expect(PHASES.map(phaseLabel)).toEqual(['Niet gestart', 'Oriënterend', 'Voorbereidend', 'Geïmplementeerd', 'Geëvalueerd']);
    expect(new Set(Object.values(PHASE_ABBREVIATIONS)).size).toBe(PHASES.length);
    expect(phaseLabel('onbekend')).toBe('onbekend');
  });

  it('names every kind of blocker in Dutch, as the API documents them', () => {
    expect(BLOCKER_KINDS.map(blockerKindLabel)).toEqual([
      'Wet- en regelgeving',
      'ICT en leveranciers',
      'Financiën',
      'Uitvoering en capaciteit',
      'Ketenpartners',
      'Implementatieproducten',
    ]);
    expect(blockerKindLabel('nieuw-soort')).toBe('nieuw-soort');
  });

  it('gives every traffic light a word and a distinct shape, never colour alone', () => {
    expect(LIGHTS.map((light) => LIGHT_LABELS[light])).toEqual(['Op schema', 'Risico', 'Te laat']);
    expect(new Set(LIGHTS.map((light) => LIGHT_SYMBOLS[light])).size).toBe(3);
  });

  it('writes the slack in words', () => {
    expect(slackText(null)).toBe('–');
    expect(slackText(12)).toBe('nog 12 dagen');
    expect(slackText(1)).toBe('nog 1 dag');
    expect(slackText(0)).toBe('vandaag beginnen');
    expect(slackText(-3)).toBe('3 dagen over de starttermijn');
  });

  it('writes shares as whole percentages', () => {
    expect(percentText(0.3913)).toBe('39%');
    expect(percentText(null)).toBe('–');
  });

  it('counts the lights, late first', () => {
    const lights = ['te-laat', 'risico', 'op-schema', 'te-laat', 'iets-nieuws'];
    expect(countLights(lights)).toEqual({ 'op-schema': 1, risico: 1, 'te-laat': 2 });
    expect(lightsText(lights)).toBe('2 te laat, 1 risico, 1 op schema');
  });
});
