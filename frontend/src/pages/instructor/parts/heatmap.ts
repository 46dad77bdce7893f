/**
 * The class report's learner × concept grid as the page draws it: which band of the colour
 * scale a mastery probability falls in (the learner model's own levels), each learner's
 * average, the sort orders, percentages and the CSV's file name. Pure.
 */
import type { Schemas } from '../../../api/client';

export type ClassReport = Schemas['ClassReport'];
export type ReportLearner = ClassReport['learners'][number];
export type MasteryCell = ReportLearner['mastery'][string];

/**
 * The colour scale: one band per mastery level (worker/learning/bkt.ts's thresholds), plus
 * "not practised". Each band's background is a `-soft` token, on which the text colour
 * keeps AA contrast in light and dark themes; the percentage is always written out too.
 */
export const BANDS = [
  { id: 'none', label: 'Not practised', range: '—' },
  { id: 'attempted', label: 'Attempted', range: 'under 50%' },
  { id: 'familiar', label: 'Familiar', range: '50–79%' },
  { id: 'proficient', label: 'Proficient', range: '80–94%' },
  { id: 'mastered', label: 'Mastered', range: '95% and over' },
] as const;

export type BandId = (typeof BANDS)[number]['id'];

const FAMILIAR_AT = 0.5;
const PROFICIENT_AT = 0.8;
const MASTERED_AT = 0.95;

export function bandOf(cell: MasteryCell | undefined): BandId {
  if (!cell) return 'none';
  const p = cell.probability;
  if (p >= MASTERED_AT) return 'mastered';
  if (p >= PROFICIENT_AT) return 'proficient';
  if (p >= FAMILIAR_AT) return 'familiar';
  return 'attempted';
}

/** "72%" from 0.723; whole percents, as learners see them. */
export function percent(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}

/**
 * A learner's mean mastery over every concept of the course, a concept not practised
 * counting as 0, so sorting by it puts whoever has done least at the bottom.
 */
export function learnerAverage(learner: ReportLearner, concepts: readonly { slug: string }[]): number {
  if (concepts.length === 0) return 0;
  const sum = concepts.reduce((total, concept) => total + (learner.mastery[concept.slug]?.probability ?? 0), 0);
  return sum / concepts.length;
}

export type SortKey = 'name' | 'average';
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Learners in the chosen order; ties on the average fall back to the name, so the order is stable. */
export function sortLearners(
  learners: readonly ReportLearner[],
  concepts: readonly { slug: string }[],
  order: SortOrder,
): ReportLearner[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const averages = new Map(learners.map((learner) => [learner.userId, learnerAverage(learner, concepts)]));
  return [...learners].sort((a, b) => {
    const names = byName.compare(a.displayName, b.displayName);
    if (order.key === 'name') return sign * names || a.userId.localeCompare(b.userId);
    const difference = (averages.get(a.userId) ?? 0) - (averages.get(b.userId) ?? 0);
    return sign * difference || names;
  });
}

/** The order a header click asks for: the other direction on the same key, else that key's natural start. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}

/** The file name the API gives the CSV (worker/routes/classes.ts), for the Blob download. */
export function reportFileName(className: string): string {
  return `${className.replace(/[^\w-]+/g, '-').slice(0, 60) || 'class'}-report.csv`;
}

/** Answers and accuracy over the whole class, for the summary line. */
export function classTotals(learners: readonly ReportLearner[]): { answers: number; accuracy: number | null } {
  let answers = 0;
  let correct = 0;
  for (const learner of learners) {
    answers += learner.answers;
    correct += (learner.accuracy ?? 0) * learner.answers;
  }
  return { answers, accuracy: answers ? correct / answers : null };
}
