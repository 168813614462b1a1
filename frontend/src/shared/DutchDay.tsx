import { formatDutchDay } from './dateTime';

/** The day of a moment written out in Dutch (Dutch time), the moment kept in `dateTime`. */
export function DutchDay({ value }: { value: string }) {
  return <time dateTime={value}>{formatDutchDay(value)}</time>;
}
