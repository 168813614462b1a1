import type { SignalCreate, SignalKind, SignalRead, SignalUpdate } from './types';

/** What the report and edit forms hold; `gemeente` only for a contact of several municipalities. */
export interface SignalFormValues {
  titel: string;
  omschrijving: string;
  soort: SignalKind | '';
  maatregelen: string[];
  themas: string[];
  gemeente: string;
  /** The software supplier (organisation code), only for a signal about ICT. */
  leverancier: string;
}

/** The one kind of signal that may name a software supplier. */
export const ICT_KIND: SignalKind = 'ict-en-leveranciers';

export const EMPTY_SIGNAL: SignalFormValues = {
  titel: '',
  omschrijving: '',
  soort: '',
  maatregelen: [],
  themas: [],
  gemeente: '',
  leverancier: '',
};

export const SIGNAL_LABELS = {
  titel: 'Titel',
  omschrijving: 'Omschrijving',
  soort: 'Soort knelpunt',
  maatregelen: 'Maatregelen',
  themas: 'Thema’s',
  gemeente: 'Gemeente',
  leverancier: 'Leverancier',
  openbaar: 'Openbaar',
} as const;

const TITLE = { min: 5, max: 200 };
const DESCRIPTION = { min: 10, max: 10_000 };

/** Checks made before sending (the API's limits: SignalCreate). */
export function signalProblems(values: SignalFormValues, needsMunicipality = false): Record<string, string | null> {
  const title = values.titel.trim();
  const description = values.omschrijving.trim();
  return {
    titel: !title
      ? 'Geef het signaal een titel.'
      : title.length < TITLE.min
        ? `Gebruik minstens ${TITLE.min} tekens.`
        : title.length > TITLE.max
          ? `Gebruik hoogstens ${TITLE.max} tekens.`
          : null,
    omschrijving: !description
      ? 'Beschrijf wat er niet werkt, of wat beter kan.'
      : description.length < DESCRIPTION.min
        ? `Gebruik minstens ${DESCRIPTION.min} tekens.`
        : description.length > DESCRIPTION.max
          ? `Gebruik hoogstens ${DESCRIPTION.max} tekens.`
          : null,
    soort: values.soort ? null : 'Kies de soort knelpunt.',
    gemeente: needsMunicipality && !values.gemeente ? 'Namens welke gemeente meldt u dit?' : null,
  };
}

/** The POST body of a new signal. */
export function createBody(values: SignalFormValues): SignalCreate {
  const body: SignalCreate = {
    titel: values.titel.trim(),
    omschrijving: values.omschrijving.trim(),
    soort: values.soort as SignalKind,
    maatregelen: values.maatregelen,
    themas: values.themas,
  };
  if (values.gemeente) body.gemeente = values.gemeente;
  if (values.soort === ICT_KIND && values.leverancier) body.leverancier = values.leverancier;
  return body;
}

/** The edit form filled with the signal as it is. */
export function valuesOf(signal: SignalRead): SignalFormValues {
  return {
    titel: signal.titel,
    omschrijving: signal.omschrijving,
    soort: signal.soort,
    maatregelen: signal.maatregelen.map((measure) => measure.code),
    themas: signal.themas,
    gemeente: '',
    leverancier: signal.leverancier?.code ?? '',
  };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The PATCH body: only what changed, so an unchanged public text is not checked again for
 * personal data, and a colleague's change of another field is not overwritten.
 */
export function updateBody(signal: SignalRead, values: SignalFormValues, openbaar: boolean): SignalUpdate {
  const body: SignalUpdate = {};
  const title = values.titel.trim();
  const description = values.omschrijving.trim();
  if (title !== signal.titel) body.titel = title;
  if (description !== signal.omschrijving) body.omschrijving = description;
  if (values.soort && values.soort !== signal.soort) body.soort = values.soort;
  if (!sameSet(values.maatregelen, signal.maatregelen.map((measure) => measure.code))) body.maatregelen = values.maatregelen;
  if (!sameSet(values.themas, signal.themas)) body.themas = values.themas;
  // Another kind drops the supplier on the server; only a signal about ICT sends it.
  const supplier = values.soort === ICT_KIND ? values.leverancier : '';
  if (values.soort === ICT_KIND && supplier !== (signal.leverancier?.code ?? '')) body.leverancier = supplier || null;
  if (openbaar !== signal.openbaar) body.openbaar = openbaar;
  return body;
}
