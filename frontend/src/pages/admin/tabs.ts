/** The admin page's sections: one URL each, so a section can be linked, reloaded and shared. */

export interface AdminTab {
  /** The `*tab` part of `/admin/*tab` ('' for the first). */
  slug: string;
  href: string;
  label: string;
}

export const ADMIN_TABS: readonly AdminTab[] = [
  { slug: '', href: '/admin', label: 'Stats' },
  { slug: 'activity', href: '/admin/activity', label: 'Activity' },
  { slug: 'users', href: '/admin/users', label: 'Users' },
  { slug: 'agents', href: '/admin/agents', label: 'Agents' },
  { slug: 'system', href: '/admin/system', label: 'System health' },
];

/** The section a URL names (trailing slashes and case forgiven), or null for one that does not exist. */
export function tabFor(param: string | undefined): AdminTab | null {
  const slug = (param ?? '').replace(/^\/+|\/+$/g, '').toLowerCase();
  return ADMIN_TABS.find((tab) => tab.slug === slug) ?? null;
}
