import type { WhatIf } from './types';

/** What the kinds of notification a change can make are about, in the preview's words. */
const KIND_LABELS: Record<string, string> = {
  'gemeente-termijn': 'Termijnen van gemeenten (aan contactpersonen)',
  'product-termijn': 'Leverdatum van een product (aan eigenaren)',
  'gevolgd-product-gepubliceerd': 'Nieuwe versie van een gevolgd product',
  'ict-vertraging': 'Vertraging door ICT',
};

export function notificationKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

export function momentLabel(moment: string): string {
  return moment === 'direct' ? 'Direct bij opslaan' : 'Bij de volgende dagelijkse herinneringen';
}

/** "+3", "−2" or "0": the change of a count, with a real minus sign. */
export function signed(difference: number): string {
  if (difference > 0) return `+${difference.toLocaleString('nl-NL')}`;
  if (difference < 0) return `−${Math.abs(difference).toLocaleString('nl-NL')}`;
  return '0';
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('nl-NL')} ${count === 1 ? one : many}`;

/** One sentence that says what saving would do, read first (also by screen readers). */
export function summaryText(whatIf: WhatIf): string {
  const cells = whatIf.cellen.aantal;
  const parts = [
    cells === 0
      ? 'Geen enkele combinatie van gemeente en maatregel krijgt een ander verkeerslicht'
      : `${plural(cells, 'combinatie', 'combinaties')} van gemeente en maatregel ${cells === 1 ? 'krijgt' : 'krijgen'} een ander verkeerslicht`,
    `op de lijst Hulp nodig ${whatIf.hulpNodig.erbij === 1 ? 'komt' : 'komen'} er ${whatIf.hulpNodig.erbij.toLocaleString('nl-NL')} bij en ${whatIf.hulpNodig.eraf === 1 ? 'gaat' : 'gaan'} er ${whatIf.hulpNodig.eraf.toLocaleString('nl-NL')} af`,
    whatIf.producten.length === 0
      ? 'geen product verandert'
      : `${plural(whatIf.producten.length, 'product verandert', 'producten veranderen')}`,
  ];
  const sent = whatIf.meldingen.reduce((sum, m) => sum + m.aantal, 0);
  parts.push(sent === 0 ? 'er gaan geen meldingen uit' : `er ${sent === 1 ? 'gaat' : 'gaan'} ${plural(sent, 'melding', 'meldingen')} uit`);
  return `${parts.join('; ')}.`;
}

/** True when saving would change nothing the preview shows. */
export function changesNothing(whatIf: WhatIf): boolean {
  return (
    whatIf.cellen.aantal === 0 &&
    whatIf.maatregelen.length === 0 &&
    whatIf.producten.length === 0 &&
    whatIf.meldingen.length === 0
  );
}
