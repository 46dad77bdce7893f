/**
 * Whether a module is the command being run (`tsx ops/x.ts`) rather than imported by a
 * test, so a command file can export its `main` and still run itself.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Pass the module's `import.meta.url`. */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  try {
    return entry !== undefined && moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
