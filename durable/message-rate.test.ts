import { describe, expect, it } from 'vitest';
import { takeToken, type Bucket } from './message-rate';

const rate = { burst: 3, perSecond: 2 };

function send(times: number, start: Bucket | undefined, now: number) {
  let bucket = start;
  const verdicts: boolean[] = [];
  for (let i = 0; i < times; i++) {
    const taken = takeToken(bucket, now, rate);
    verdicts.push(taken.allowed);
    bucket = taken.bucket;
  }
  return { verdicts, bucket };
}

describe('takeToken', () => {
  it('allows a burst, then refuses with the wait until the next token', () => {
    const { verdicts, bucket } = send(4, undefined, 1000);
    expect(verdicts).toEqual([true, true, true, false]);
    expect(takeToken(bucket, 1000, rate).retryAfterMs).toBe(500);
  });

  it('refills at the steady rate and never beyond the burst', () => {
    const { bucket } = send(3, undefined, 0);
    expect(send(2, bucket, 500).verdicts).toEqual([true, false]);
    expect(send(5, bucket, 60_000).verdicts).toEqual([true, true, true, false, false]);
  });
});
