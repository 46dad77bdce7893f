// Next-item choice for adaptive practice: among items of unlocked concepts the learner has
// not just seen, pick the one whose Elo-predicted success is closest to a target (Pelánek
// 2016; practice aims at 0.75 inside 0.70–0.85, placement at 0.5 where an answer carries
// the most information). Pure: no I/O, no randomness, so the same state picks the same item.
import { predictCorrectFromAbility } from './elo';

export interface CandidateItem {
  id: string;
  conceptId: string;
  /** Elo difficulty d. */
  difficulty: number;
  /** Option count for multiple choice; undefined for open answers. */
  k?: number;
  /** Answers the item has received (its Elo count n). */
  attempts: number;
}

export interface LearnerAbility {
  /** Used for concepts the learner has no own estimate for yet. */
  global: number;
  byConcept: ReadonlyMap<string, number>;
}

export type SelectionMode = 'practice' | 'diagnostic';

export const PRACTICE_TARGET = 0.75;
export const PRACTICE_BAND: readonly [number, number] = [0.7, 0.85];
export const DIAGNOSTIC_TARGET = 0.5;

export interface SelectionInput {
  items: readonly CandidateItem[];
  ability: LearnerAbility;
  recentlySeen: ReadonlySet<string>;
  unlockedConcepts: ReadonlySet<string>;
  mode?: SelectionMode;
  /** Overrides the mode's target probability. */
  target?: number;
}

export type NoItemReason = 'no-candidates' | 'all-locked' | 'all-recently-seen';

export type Selection =
  { item: CandidateItem; predicted: number; inBand: boolean } | { item: null; reason: NoItemReason };

// Distances closer than this are ties: floating-point noise must not decide between two
// equally good items, the deterministic tie-break should.
const TIE_EPSILON = 1e-9;

export function abilityFor(ability: LearnerAbility, conceptId: string): number {
  return ability.byConcept.get(conceptId) ?? ability.global;
}

interface Scored {
  item: CandidateItem;
  predicted: number;
  distance: number;
  inBand: boolean;
}

function better(a: Scored, b: Scored): boolean {
  // Practice: an item inside the band beats any outside it, even a nearer one (the band is
  // asymmetric, so 0.69 is nearer 0.75 than 0.82 but too hard to keep learners going).
  if (a.inBand !== b.inBand) return a.inBand;
  if (Math.abs(a.distance - b.distance) > TIE_EPSILON) return a.distance < b.distance;
  // Ties: the less-answered item first (its difficulty needs the data most), then by id.
  if (a.item.attempts !== b.item.attempts) return a.item.attempts < b.item.attempts;
  return a.item.id < b.item.id;
}

export function selectItem(input: SelectionInput): Selection {
  const mode = input.mode ?? 'practice';
  const target = input.target ?? (mode === 'practice' ? PRACTICE_TARGET : DIAGNOSTIC_TARGET);
  if (!Number.isFinite(target) || target <= 0 || target >= 1) {
    throw new Error(`selectItem: target must be a probability in (0, 1), got ${target}`);
  }
  if (input.items.length === 0) return { item: null, reason: 'no-candidates' };

  const unlocked = input.items.filter((item) => input.unlockedConcepts.has(item.conceptId));
  if (unlocked.length === 0) return { item: null, reason: 'all-locked' };
  const fresh = unlocked.filter((item) => !input.recentlySeen.has(item.id));
  if (fresh.length === 0) return { item: null, reason: 'all-recently-seen' };

  const [lo, hi] = PRACTICE_BAND;
  // The band only makes sense around a practice target it contains.
  const useBand = mode === 'practice' && target >= lo && target <= hi;
  let best: Scored | null = null;
  for (const item of fresh) {
    const predicted = predictCorrectFromAbility(abilityFor(input.ability, item.conceptId), item.difficulty, item.k);
    const inBand = useBand && predicted >= lo && predicted <= hi;
    const scored: Scored = { item, predicted, distance: Math.abs(predicted - target), inBand };
    if (best === null || better(scored, best)) best = scored;
  }
  if (best === null) return { item: null, reason: 'all-recently-seen' };
  return { item: best.item, predicted: best.predicted, inBand: best.inBand };
}
