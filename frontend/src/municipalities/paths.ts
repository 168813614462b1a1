/** The public page of one municipality (its aggregate progress; no notes). */
export const publicMunicipalityPath = (code: string) => `/gemeenten/${code}`;
