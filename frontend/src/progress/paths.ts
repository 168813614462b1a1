/** The addresses of the progress screens, in one place. */
export const MY_MUNICIPALITY_PATH = '/mijn-gemeente';
export const UPLOAD_PATH = '/voortgang/uploaden';
export const MATRIX_PATH = '/voortgang/matrix';
export const HELP_PATH = '/voortgang/hulp-nodig';

export function municipalityPath(code: string): string {
  return `/voortgang/gemeenten/${code}`;
}

export function cellPath(code: string, measure: string): string {
  return `/voortgang/gemeenten/${code}/${measure}`;
}
