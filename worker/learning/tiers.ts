/**
 * Tiers (levels) by total XP, and progress toward the next one. Pure.
 * Source: LEARNING-SCIENCE.md "Gamification rules" — Bronze 0, Silver 250, Gold 500,
 * Platinum 1000 (then every +1000).
 *
 * Naming: the open-ended part stays Platinum with a rank, so the ladder reads
 * Bronze → Silver → Gold → Platinum (1000–1999) → Platinum 2 (2000–2999) → Platinum 3 …
 * "Platinum 1" is never shown, because a learner reaching Platinum does not yet know there
 * are ranks. `level` numbers the whole ladder from 1 (Bronze) so it can be stored and sorted.
 */

export type TierName = 'Bronze' | 'Silver' | 'Gold' | 'Platinum';

export interface Tier {
  tier: TierName;
  /** 1 for Bronze, Silver, Gold and the first Platinum; 2 for Platinum 2, and so on. */
  rank: number;
  /** Display name: 'Gold', 'Platinum', 'Platinum 2' … */
  name: string;
  /** 1 = Bronze, 2 = Silver, 3 = Gold, 4 = Platinum, 5 = Platinum 2 … */
  level: number;
}

export interface TierProgress extends Tier {
  totalXp: number;
  /** XP at which the current tier started. */
  floor: number;
  /** XP at which the next tier starts; there is always one, since Platinum ranks never end. */
  next: number;
  /** Share of the way from floor to next, in [0, 1). */
  fraction: number;
}

const fixedTiers = [
  { tier: 'Bronze', floor: 0 },
  { tier: 'Silver', floor: 250 },
  { tier: 'Gold', floor: 500 },
] as const satisfies readonly { tier: TierName; floor: number }[];

export const PLATINUM_FLOOR = 1000;
export const PLATINUM_STEP = 1000;

/** The tier for a total, with the floor and next threshold around it. */
export function tierFor(totalXp: number): TierProgress {
  assertValidXp(totalXp);
  if (totalXp >= PLATINUM_FLOOR) {
    const rank = Math.floor((totalXp - PLATINUM_FLOOR) / PLATINUM_STEP) + 1;
    const floor = PLATINUM_FLOOR + (rank - 1) * PLATINUM_STEP;
    const name = rank === 1 ? 'Platinum' : `Platinum ${rank}`;
    return progress(
      { tier: 'Platinum', rank, name, level: fixedTiers.length + rank },
      totalXp,
      floor,
      floor + PLATINUM_STEP,
    );
  }
  // Walk down from the highest fixed tier; Bronze's floor of 0 always matches a valid total.
  for (let i = fixedTiers.length - 1; i >= 0; i--) {
    const current = fixedTiers[i];
    if (current && totalXp >= current.floor) {
      const next = fixedTiers[i + 1]?.floor ?? PLATINUM_FLOOR;
      const tier: Tier = { tier: current.tier, rank: 1, name: current.tier, level: i + 1 };
      return progress(tier, totalXp, current.floor, next);
    }
  }
  throw new Error(`No tier for ${totalXp} XP`); // unreachable: Bronze starts at 0
}

function progress(tier: Tier, totalXp: number, floor: number, next: number): TierProgress {
  return { ...tier, totalXp, floor, next, fraction: (totalXp - floor) / (next - floor) };
}

/** XP totals are sums of whole awards (see xp.ts), so anything else is a caller's bug. */
function assertValidXp(totalXp: number): void {
  if (!Number.isSafeInteger(totalXp) || totalXp < 0) {
    throw new Error(`Total XP must be a non-negative integer, got ${String(totalXp)}`);
  }
}
