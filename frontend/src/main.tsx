/** Entry point of the Jeseci web app. */
import { render } from 'solid-js/web';
import { SystemStatus } from './SystemStatus';
import './styles.css';

function App() {
  return (
    <main>
      <header>
        <h1>Jeseci</h1>
        <p class="tagline">Adaptive learning for programming — starting with Jac and object-spatial programming.</p>
      </header>
      <SystemStatus />
      <p class="links">
        API reference: <a href="/api/docs">/api/docs</a>
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing the #root element');
render(() => <App />, root);
