/**
 * A class report from its members' concept estimates: the learner × concept mastery grid
 * and the concepts the class struggles with. Pure; the route loads the rows.
 */
import { masteryLevel, FAMILIAR_AT, type MasteryLevel } from '../learning/bkt';
import { toThousandths } from '../learning/precision';

export interface ReportConcept {
  id: string;
  slug: string;
  title: string;
}

export interface ReportLearner {
  userId: string;
  displayName: string;
  lastActiveAt: Date | null;
}

export interface ReportEstimate {
  userId: string;
  conceptId: string;
  pKnown: number;
  answers: number;
  correct: number;
}

export interface ClassReport {
  concepts: { slug: string; title: string }[];
  learners: {
    userId: string;
    displayName: string;
    lastActiveAt: string | null;
    answers: number;
    accuracy: number | null;
    mastery: Record<string, { level: MasteryLevel; probability: number } | null>;
  }[];
  struggling: { concept: string; title: string; learners: number; meanProbability: number; belowFamiliar: number }[];
}

export function classReport(
  concepts: readonly ReportConcept[],
  learners: readonly ReportLearner[],
  estimates: readonly ReportEstimate[],
): ClassReport {
  const byLearner = new Map<string, Map<string, ReportEstimate>>();
  for (const estimate of estimates) {
    if (estimate.answers === 0) continue;
    const own = byLearner.get(estimate.userId) ?? new Map<string, ReportEstimate>();
    own.set(estimate.conceptId, estimate);
    byLearner.set(estimate.userId, own);
  }
  const struggling = concepts
    .map((concept) => {
      const practised = learners
        .map((learner) => byLearner.get(learner.userId)?.get(concept.id))
        .filter((estimate): estimate is ReportEstimate => estimate !== undefined);
      const mean = practised.reduce((sum, estimate) => sum + estimate.pKnown, 0) / (practised.length || 1);
      return {
        concept: concept.slug,
        title: concept.title,
        learners: practised.length,
        meanProbability: toThousandths(mean),
        belowFamiliar: practised.filter((estimate) => estimate.pKnown < FAMILIAR_AT).length,
      };
    })
    // Struggling: practised by someone, and at least half of those still below Familiar.
    .filter((entry) => entry.learners > 0 && entry.belowFamiliar * 2 >= entry.learners)
    .sort((a, b) => a.meanProbability - b.meanProbability);

  return {
    concepts: concepts.map(({ slug, title }) => ({ slug, title })),
    learners: learners.map((learner) => {
      const own = byLearner.get(learner.userId) ?? new Map<string, ReportEstimate>();
      const answers = [...own.values()].reduce((sum, estimate) => sum + estimate.answers, 0);
      const correct = [...own.values()].reduce((sum, estimate) => sum + estimate.correct, 0);
      return {
        userId: learner.userId,
        displayName: learner.displayName,
        lastActiveAt: learner.lastActiveAt?.toISOString() ?? null,
        answers,
        accuracy: answers ? toThousandths(correct / answers) : null,
        mastery: Object.fromEntries(
          concepts.map((concept) => {
            const estimate = own.get(concept.id);
            return [
              concept.slug,
              estimate ? { level: masteryLevel(estimate.pKnown), probability: toThousandths(estimate.pKnown) } : null,
            ];
          }),
        ),
      };
    }),
    struggling,
  };
}

/**
 * One CSV cell: quoted when needed, and a leading =, +, - or @ (or tab/CR) neutralised with
 * an apostrophe so a spreadsheet never runs a learner's display name as a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reportCsv(report: ClassReport): string {
  const header = ['learner', 'last active', 'answers', 'accuracy', ...report.concepts.map((concept) => concept.slug)];
  const rows = report.learners.map((learner) => [
    learner.displayName,
    learner.lastActiveAt,
    learner.answers,
    learner.accuracy,
    ...report.concepts.map((concept) => learner.mastery[concept.slug]?.probability ?? null),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
