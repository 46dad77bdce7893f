import { describe, expect, it } from 'vitest';
import { predictCorrectFromAbility, updateElo } from './elo';
import { selectItem, type CandidateItem, type LearnerAbility, type SelectionInput } from './select-item';

const logit = (p: number) => Math.log(p / (1 - p));
const noAbility: LearnerAbility = { global: 0, byConcept: new Map() };

/** An open-answer item whose predicted P for θ = 0 is exactly p. */
function itemAt(id: string, p: number, extra: Partial<CandidateItem> = {}): CandidateItem {
  return { id, conceptId: 'c1', difficulty: -logit(p), attempts: 10, ...extra };
}

function input(items: CandidateItem[], over: Partial<SelectionInput> = {}): SelectionInput {
  return { items, ability: noAbility, recentlySeen: new Set(), unlockedConcepts: new Set(['c1', 'c2']), ...over };
}

function pickedId(sel: ReturnType<typeof selectItem>): string | null {
  return sel.item === null ? null : sel.item.id;
}

describe('selectItem', () => {
  it('picks the item closest to 0.75 for practice', () => {
    const items = [itemAt('a', 0.5), itemAt('b', 0.78), itemAt('c', 0.95), itemAt('d', 0.72)];
    const sel = selectItem(input(items));
    expect(pickedId(sel)).toBe('b');
    expect(sel.item !== null && sel.predicted).toBeCloseTo(0.78, 9);
  });

  it('prefers an item inside 0.70–0.85 over a nearer one outside it', () => {
    // 0.69 is 0.06 from 0.75, 0.82 is 0.07 — but 0.69 is outside the practice band.
    const sel = selectItem(input([itemAt('hard', 0.69), itemAt('ok', 0.82)]));
    expect(pickedId(sel)).toBe('ok');
  });

  it('still picks the closest item when none is inside the band', () => {
    const sel = selectItem(input([itemAt('a', 0.3), itemAt('b', 0.6), itemAt('c', 0.99)]));
    expect(pickedId(sel)).toBe('b');
    expect(sel.item !== null && sel.inBand).toBe(false);
  });

  it('targets 0.5 for a diagnostic quiz', () => {
    const items = [itemAt('a', 0.75), itemAt('b', 0.52), itemAt('c', 0.3)];
    expect(pickedId(selectItem(input(items, { mode: 'diagnostic' })))).toBe('b');
  });

  it('uses the per-concept ability, falling back to the global one', () => {
    // Same difficulty; c2 learner is strong (θ = 2 → P = 0.92), c1 falls back to θ = 0 → 0.73.
    const ability: LearnerAbility = { global: 0, byConcept: new Map([['c2', 2]]) };
    const items = [itemAt('strong', 0.73, { conceptId: 'c2' }), itemAt('fallback', 0.73, { conceptId: 'c1' })];
    expect(pickedId(selectItem(input(items, { ability })))).toBe('fallback');
  });

  it('never picks a locked or recently seen item', () => {
    const items = [itemAt('locked', 0.75, { conceptId: 'c9' }), itemAt('seen', 0.75), itemAt('ok', 0.4)];
    expect(pickedId(selectItem(input(items, { recentlySeen: new Set(['seen']) })))).toBe('ok');
  });

  it('breaks ties by fewer attempts, then by id', () => {
    const tiedByAttempts = [itemAt('x', 0.75, { attempts: 9 }), itemAt('y', 0.75, { attempts: 3 })];
    expect(pickedId(selectItem(input(tiedByAttempts)))).toBe('y');
    const tiedFully = [itemAt('m', 0.75), itemAt('b', 0.75), itemAt('k', 0.75)];
    expect(pickedId(selectItem(input(tiedFully)))).toBe('b');
    expect(pickedId(selectItem(input([...tiedFully].reverse())))).toBe('b');
  });

  it('returns null with a reason when nothing is eligible', () => {
    expect(selectItem(input([]))).toEqual({ item: null, reason: 'no-candidates' });
    const locked = [itemAt('a', 0.75, { conceptId: 'c9' })];
    expect(selectItem(input(locked))).toEqual({ item: null, reason: 'all-locked' });
    const seen = [itemAt('a', 0.75), itemAt('b', 0.7, { conceptId: 'c9' })];
    expect(selectItem(input(seen, { recentlySeen: new Set(['a']) }))).toEqual({
      item: null,
      reason: 'all-recently-seen',
    });
  });

  it('rejects a nonsense target', () => {
    expect(() => selectItem(input([itemAt('a', 0.5)], { target: 1.2 }))).toThrow(/target/);
    expect(() => selectItem(input([itemAt('a', 0.5)], { target: Number.NaN }))).toThrow(/target/);
  });
});

/** mulberry32: a tiny seeded PRNG so the simulation is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('selectItem + Elo simulation', () => {
  it('keeps the experienced success rate within ±5 points of 0.75', () => {
    const rand = mulberry32(20161);
    const trueTheta = 0.8;
    // 60 items spread over d ∈ [−3, 3]; their stored estimates start near the truth (a pool
    // calibrated by earlier learners) and keep updating with Elo.
    const trueDifficulty = new Map<string, number>();
    let items: CandidateItem[] = Array.from({ length: 60 }, (_, i) => {
      const id = `item-${String(i).padStart(2, '0')}`;
      const d = -3 + (6 * i) / 59;
      trueDifficulty.set(id, d);
      return { id, conceptId: 'c1', difficulty: d + (rand() - 0.5) * 0.6, attempts: 30 };
    });
    let theta = 0; // the system knows nothing about this learner yet
    const recent: string[] = [];
    const outcomes: boolean[] = [];

    for (let answers = 0; answers < 400; answers++) {
      const sel = selectItem({
        items,
        ability: { global: theta, byConcept: new Map() },
        recentlySeen: new Set(recent),
        unlockedConcepts: new Set(['c1']),
      });
      if (sel.item === null) throw new Error(`simulation ran dry: ${sel.reason}`);
      const picked = sel.item;
      const correct = rand() < predictCorrectFromAbility(trueTheta, trueDifficulty.get(picked.id) ?? Number.NaN);
      outcomes.push(correct);
      const next = updateElo({
        theta,
        difficulty: picked.difficulty,
        learnerAnswers: answers,
        itemAnswers: picked.attempts,
        correct,
      });
      theta = next.theta;
      items = items.map((it) =>
        it.id === picked.id ? { ...it, difficulty: next.difficulty, attempts: it.attempts + 1 } : it,
      );
      recent.push(picked.id);
      if (recent.length > 5) recent.shift();
    }

    const tail = outcomes.slice(100);
    const rate = tail.filter(Boolean).length / tail.length;
    console.log(`simulated success rate over the last 300 answers: ${rate.toFixed(3)} (θ̂ = ${theta.toFixed(2)})`);
    expect(rate).toBeGreaterThanOrEqual(0.7);
    expect(rate).toBeLessThanOrEqual(0.8);
  });
});
