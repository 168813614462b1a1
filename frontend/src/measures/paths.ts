/** The public page of one measure. */
export const measurePath = (code: string) => `/maatregelen/${code}`;
