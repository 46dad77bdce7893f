/**
 * The frame of every screen: a skip link, the header with the navigation this account may
 * use, the theme switch, and the page. Route changes move focus to the page's heading so
 * keyboard and screen-reader users land where the content starts.
 */
import { A, useIsRouting, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import { setTheme, theme, type ThemeChoice } from './theme';
import { useSession, type Role } from './session';

interface NavLink {
  href: string;
  label: string;
  roles?: Role[];
}

const SIGNED_IN: NavLink[] = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/courses', label: 'Courses' },
  { href: '/review', label: 'Review' },
  { href: '/progress', label: 'Progress' },
  { href: '/leaderboards', label: 'Leaderboards' },
  { href: '/chat', label: 'Tutor' },
  { href: '/classes', label: 'Classes' },
  { href: '/instructor', label: 'Teach', roles: ['instructor', 'admin'] },
  { href: '/admin', label: 'Admin', roles: ['admin'] },
];

export function Layout(props: { children?: JSX.Element }): JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  let main: HTMLElement | undefined;

  const routing = useIsRouting();
  const location = useLocation();
  let focusedPath = location.pathname;
  createEffect(
    on(
      routing,
      (isRouting, wasRouting) => {
        // A navigation to another screen has finished (its chunk loaded and rendered): move
        // focus to its heading, as a page load would for a screen reader. A change of the
        // query alone (a search box, a selected tab) is the same screen: focus stays put.
        if (isRouting || !wasRouting || !main || location.pathname === focusedPath) return;
        focusedPath = location.pathname;
        const target = main.querySelector<HTMLElement>('h1') ?? main;
        target.setAttribute('tabindex', '-1');
        target.focus();
      },
      { defer: true },
    ),
  );

  // On phones the navigation folds behind a Menu button; any navigation folds it again.
  const [menuOpen, setMenuOpen] = createSignal(false);
  createEffect(on(routing, (isRouting) => isRouting && setMenuOpen(false), { defer: true }));

  const links = () => SIGNED_IN.filter((link) => !link.roles || session.hasRole(...link.roles));

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <A href={session.account.latest ? '/dashboard' : '/'} class="brand" end>
          Jeseci
        </A>
        <button
          type="button"
          class="menu-toggle"
          aria-expanded={menuOpen()}
          aria-controls="site-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen() ? 'Close menu' : 'Menu'}
        </button>
        <div
          id="site-menu"
          class="header-menu"
          data-open={menuOpen() ? 'true' : undefined}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setMenuOpen(false);
          }}
        >
          <Show
            when={session.account.latest}
            fallback={
              <nav aria-label="Main" class="nav">
                <A href="/play">Join a quiz</A>
                <A href="/signin">Sign in</A>
                <A href="/signup" class="button primary">
                  Sign up
                </A>
              </nav>
            }
          >
            <nav aria-label="Main" class="nav">
              <For each={links()}>{(link) => <A href={link.href}>{link.label}</A>}</For>
              <A href="/settings">Settings</A>
              <button
                type="button"
                class="link"
                onClick={async () => {
                  await session.signOut();
                  navigate('/');
                }}
              >
                Sign out
              </button>
            </nav>
          </Show>
          <label class="theme-switch">
            <span class="visually-hidden">Theme</span>
            <select value={theme()} onChange={(event) => setTheme(event.currentTarget.value as ThemeChoice)}>
              <option value="system">System theme</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      </header>
      <main id="main" ref={(element) => (main = element)}>
        {props.children}
      </main>
    </>
  );
}
