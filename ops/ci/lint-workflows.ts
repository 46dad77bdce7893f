/** `npm run lint:workflows`: actionlint plus this repository's references, over .github/workflows/ (workflows.ts). */
import { lintWorkflows } from './workflows.ts';

const { files, problems } = await lintWorkflows();
for (const p of problems) console.error(`${p.file}${p.line ? `:${p.line}:${p.column ?? 0}` : ''}: ${p.message}`);
if (problems.length) {
  console.error(`${problems.length} problem(s) in ${files.length} workflow file(s)`);
  process.exitCode = 1;
} else {
  console.log(`${files.length} workflow files: actionlint clean, every script and file they name exists`);
}
