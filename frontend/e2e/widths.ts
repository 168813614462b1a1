import { type Page } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { resizeTo } from './navigate';

/** A phone and a laptop. */
export const WIDTHS = [360, 1280] as const;

/**
 * The page as it is now passes axe at every width, and scrolls sideways at none (`scroll`). It is
 * not loaded again per width: the layout follows the window, as when a phone turns, and a new load
 * cost more than the checks. It ends at the last width (a laptop's, by default).
 */
export async function expectAccessibleAtWidths(
  page: Page,
  {
    widths = WIDTHS,
    height = 900,
    scroll = true,
    scriptlessFrames = false,
  }: { widths?: readonly number[]; height?: number; scroll?: boolean; scriptlessFrames?: boolean } = {},
): Promise<void> {
  for (const width of widths) {
    await resizeTo(page, width, height);
    await expectNoAxeViolations(page, { scriptlessFrames });
    if (scroll) await expectNoHorizontalScroll(page, width);
  }
}
