import type { Product, ProductStatus, Review } from './types';

/**
 * The lifecycle of a product, as the API enforces it (api/products/lifecycle.py): from each
 * status, the statuses it may move to. The SPA offers only these moves; the server still decides.
 */
export const TRANSITIONS: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  gepland: ['in-ontwikkeling', 'ingetrokken'],
  'in-ontwikkeling': ['in-toetsing', 'ingetrokken'],
  'in-toetsing': ['in-ontwikkeling', 'gepubliceerd', 'ingetrokken'],
  gepubliceerd: ['in-ontwikkeling', 'ingetrokken'],
  ingetrokken: [],
};

/** What a move asks of the editor: nothing, an optional or a required change note, or a reason. */
export type NoteRequirement =
  | { field: null }
  | { field: 'wijzigingsnotitie' | 'toelichting'; required: boolean; label: string; description: string };

export interface TransitionAction {
  to: ProductStatus;
  /** The button's text. */
  label: string;
  /** One sentence on what happens. */
  description: string;
  note: NoteRequirement;
  /** Withdrawing cannot be undone. */
  destructive: boolean;
}

function action(from: ProductStatus, to: ProductStatus): TransitionAction {
  if (to === 'ingetrokken') {
    return {
      to,
      label: 'Intrekken',
      description: 'Het product vervalt. Dit kan niet ongedaan worden gemaakt; het publiek ziet het product daarna niet meer.',
      note: {
        field: 'toelichting',
        required: true,
        label: 'Reden van intrekken',
        description: 'Waarom vervalt het product? Dit komt in de geschiedenis.',
      },
      destructive: true,
    };
  }
  if (from === 'gepland' && to === 'in-ontwikkeling') {
    return {
      to,
      label: 'Ontwikkeling starten',
      description: 'Maakt versie 1 aan als concept, waar u documenten en links aan toevoegt.',
      note: {
        field: 'wijzigingsnotitie',
        required: false,
        label: 'Wijzigingsnotitie (niet verplicht)',
        description: 'Leeg laten geeft de notitie "Eerste versie".',
      },
      destructive: false,
    };
  }
  if (from === 'gepubliceerd' && to === 'in-ontwikkeling') {
    return {
      to,
      label: 'Nieuwe versie starten',
      description: 'Maakt een nieuwe conceptversie aan. Tot die gepubliceerd is, blijft iedereen de huidige versie zien.',
      note: {
        field: 'wijzigingsnotitie',
        required: true,
        label: 'Wijzigingsnotitie',
        description: 'Wat verandert er in de nieuwe versie? Bezoekers zien deze notitie bij de versie.',
      },
      destructive: false,
    };
  }
  if (to === 'in-ontwikkeling') {
    return {
      to,
      label: 'Terug naar ontwikkeling',
      description: 'Het concept gaat terug voor aanpassingen; documenten en toetsingen blijven bewaard.',
      note: { field: null },
      destructive: false,
    };
  }
  if (to === 'in-toetsing') {
    return {
      to,
      label: 'Ter toetsing aanbieden',
      description: 'Uitgenodigde gemeentelijke toetsers kunnen dan hun oordeel geven. Het concept heeft minstens één document of link nodig.',
      note: { field: null },
      destructive: false,
    };
  }
  return {
    to,
    label: 'Publiceren',
    description: 'Het concept wordt de gepubliceerde versie, zichtbaar voor iedereen. Daarvoor is goedkeuring door een gemeentelijke toetser nodig.',
    note: { field: null },
    destructive: false,
  };
}

/** The moves an editor may make from this status, in the order they are offered. */
export function allowedTransitions(status: ProductStatus): TransitionAction[] {
  return TRANSITIONS[status].map((to) => action(status, to));
}

export function canTransition(from: ProductStatus, to: ProductStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Documents and links can be added to or removed from the draft only. */
export function hasDraft(product: Pick<Product, 'conceptversie'>): boolean {
  return product.conceptversie !== null && product.conceptversie !== undefined;
}

/** Testers can be invited while the product is being developed or reviewed. */
export function canInviteTesters(status: ProductStatus): boolean {
  return status === 'in-ontwikkeling' || status === 'in-toetsing';
}

/** The approving reviews of the current draft: only these count towards publication. */
export function approvalsOfDraft(product: Pick<Product, 'conceptversie'>, reviews: readonly Review[]): number {
  const draft = product.conceptversie?.nummer;
  if (draft === undefined) return 0;
  return reviews.filter((review) => review.versie === draft && review.oordeel === 'goedgekeurd').length;
}

/**
 * Why a move that the lifecycle allows will still be refused, if we can tell beforehand; the
 * server has the last word (e.g. how many approvals it needs).
 */
export function transitionHint(
  product: Pick<Product, 'status' | 'conceptversie'>,
  to: ProductStatus,
  reviews: readonly Review[] | undefined,
): string | null {
  if (to === 'in-toetsing' && (product.conceptversie?.bestanden.length ?? 0) === 0) {
    return 'Voeg eerst een document of link toe aan het concept.';
  }
  if (to === 'gepubliceerd' && reviews && approvalsOfDraft(product, reviews) === 0) {
    return 'Deze versie heeft nog geen goedkeuring van een gemeentelijke toetser.';
  }
  return null;
}

/** The statuses the server says are possible, from a refused status change (409). */
export function possibleFromProblem(extensions: Record<string, unknown>): ProductStatus[] | null {
  const possible = extensions.mogelijk;
  if (!Array.isArray(possible)) return null;
  return possible.filter((value): value is ProductStatus => typeof value === 'string' && value in TRANSITIONS);
}
