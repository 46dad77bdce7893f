/** Entry point of the Jeseci web app: session, router, layout. */
import { Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { routes } from './app/routes';
import { Layout } from './app/Layout';
import { SessionProvider } from './app/session';
import { applyTheme } from './app/theme';
import './styles.css';

applyTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing the #root element');
render(
  () => (
    <SessionProvider>
      <Router root={Layout}>{routes}</Router>
    </SessionProvider>
  ),
  root,
);
