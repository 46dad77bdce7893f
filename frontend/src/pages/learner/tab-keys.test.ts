/** Tab list keys: arrows move and wrap, Home and End jump, other keys are left alone. */
import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tab-keys';

describe('tabAfterKey', () => {
  it('moves with the arrows and wraps at both ends', () => {
    expect(tabAfterKey('ArrowRight', 0, 2)).toBe(1);
    expect(tabAfterKey('ArrowRight', 1, 2)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 3)).toBe(2);
    expect(tabAfterKey('ArrowLeft', 2, 3)).toBe(1);
  });

  it('jumps to the first and last with Home and End', () => {
    expect(tabAfterKey('Home', 2, 3)).toBe(0);
    expect(tabAfterKey('End', 0, 3)).toBe(2);
  });

  it('ignores other keys (Tab leaves the list) and empty lists', () => {
    expect(tabAfterKey('Tab', 0, 2)).toBeNull();
    expect(tabAfterKey('Enter', 0, 2)).toBeNull();
    expect(tabAfterKey('ArrowRight', 0, 0)).toBeNull();
  });
});
