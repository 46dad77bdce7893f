import { describe, expect, it } from 'vitest';
import { ADMIN_TABS, tabFor } from './tabs';

describe('tabFor', () => {
  it('maps /admin to the stats and each section to its own URL', () => {
    expect(tabFor('')?.label).toBe('Stats');
    expect(tabFor(undefined)?.label).toBe('Stats');
    expect(tabFor('users')?.href).toBe('/admin/users');
    expect(tabFor('System/')?.label).toBe('System health');
    expect(ADMIN_TABS.map((tab) => tab.href)).toEqual([
      '/admin',
      '/admin/activity',
      '/admin/users',
      '/admin/agents',
      '/admin/system',
    ]);
  });

  it('knows no section that does not exist', () => {
    expect(tabFor('secrets')).toBeNull();
    expect(tabFor('users/extra')).toBeNull();
  });
});
