/** The addresses of the ICT readiness screens, in one place. */
export const SUPPLIERS_PATH = '/ict/leveranciers';
export const MEASURES_PATH = '/ict/maatregelen';
export const IMPORT_PATH = '/ict/import';

export function supplierPath(code: string): string {
  return `/ict/leveranciers/${code}`;
}

export function applicationPath(id: number): string {
  return `/ict/applicaties/${id}`;
}

export function softwareMeasurePath(code: string): string {
  return `/ict/maatregelen/${code}`;
}
