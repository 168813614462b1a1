/** A chance (0–1) as a whole percentage the Dutch way, "35 %"; never 0 % or 100 % for what is only nearly so. */
export function percentText(chance: number): string {
  if (chance <= 0) return '0 %';
  if (chance >= 1) return '100 %';
  if (chance < 0.005) return 'minder dan 1 %';
  if (chance >= 0.995) return 'meer dan 99 %';
  return `${Math.round(chance * 100)} %`;
}

/** The chance in words, for those who read past the figure. */
export function chanceWords(chance: number): string {
  if (chance <= 0) return 'geen: de maatregel is al geïmplementeerd';
  if (chance >= 1) return 'zeker: de ingangsdatum is voorbij';
  if (chance < 0.1) return 'zeer klein';
  if (chance < 0.3) return 'klein';
  if (chance < 0.6) return 'aanzienlijk';
  if (chance < 0.9) return 'groot';
  return 'zeer groot';
}
