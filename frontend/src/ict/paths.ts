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

/** Where an editor adds an application for this supplier. */
export function newApplicationPath(supplier: string): string {
  return `/ict/applicaties/nieuw?leverancier=${encodeURIComponent(supplier)}`;
}

/** A municipality's application history: every change of its application per domain. */
export function ictHistoryPath(code: string): string {
  return `/ict/gemeenten/${code}/historie`;
}

/** The signals register filtered on the open signals that name this supplier. */
export function supplierSignalsPath(supplier: string): string {
  return `/signalen?leverancier=${encodeURIComponent(supplier)}&open=true`;
}
