import { describe, expect, it } from 'vitest';

import { ApiError, isConflict } from './problem';

describe('isConflict', () => {
  it('recognises a refused save (412) as a conflict, and nothing else', () => {
    expect(isConflict(new ApiError(412, 'Voorwaarde niet vervuld'))).toBe(true);
    expect(isConflict(new ApiError(428, 'Voorwaarde vereist'))).toBe(false);
    expect(isConflict(new Error('network'))).toBe(false);
  });
});
