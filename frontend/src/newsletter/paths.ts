export const NEWSLETTER_PATH = '/nieuwsbrief';
export const CONFIRM_PATH = '/nieuwsbrief/bevestigen';
export const MANAGE_PATH = '/nieuwsbrief/beheren';
export const ARCHIVE_PATH = '/nieuwsbrief/archief';

export const editionPath = (id: number) => `${ARCHIVE_PATH}/${id}`;
