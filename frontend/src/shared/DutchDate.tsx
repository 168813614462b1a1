import { formatDutchDate } from './dates';

/** A calendar date written out in Dutch, with the machine-readable date kept in `dateTime`. */
export function DutchDate({ value }: { value: string }) {
  return <time dateTime={value}>{formatDutchDate(value)}</time>;
}
