// Prints "N passed, N failed[, N skipped]" over vitest JSON reports: the plain closing
// line CI reads to know tests ran. Exits non-zero if a report is missing or shows failures
// (a test file that failed to load counts as a failure too).
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!report.success && report.numFailedTests === 0) failed += Math.max(1, report.numFailedTestSuites);
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
