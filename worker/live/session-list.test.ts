import { describe, expect, it } from 'vitest';
import { statusOf, summarise, type SessionRow } from './session-list';

const row = (overrides: Partial<SessionRow> = {}): SessionRow => ({
  id: '7d3a4c55-8f0e-4f8d-9b0b-2a619b2f1c1e',
  title: 'Graphs warm-up',
  pin: '123456',
  itemIds: ['i1', 'i2', 'i3'],
  createdAt: new Date('2026-03-01T09:00:00Z'),
  endedAt: null,
  results: null,
  hostId: 'h1',
  hostName: 'Ada',
  courseSlug: 'js-graphs',
  courseTitle: 'Graphs in JavaScript',
  ...overrides,
});

describe('statusOf', () => {
  it('calls a room with a question open or under review running', () => {
    expect(statusOf('lobby')).toBe('lobby');
    expect(statusOf('question')).toBe('running');
    expect(statusOf('review')).toBe('running');
    expect(statusOf('ended')).toBe('ended');
    expect(statusOf(null)).toBe('ended');
  });
});

describe('summarise', () => {
  it('shows an open room’s PIN and the room’s own player count', () => {
    expect(summarise(row(), { phase: 'review', players: 12 }, true)).toEqual({
      id: '7d3a4c55-8f0e-4f8d-9b0b-2a619b2f1c1e',
      title: 'Graphs warm-up',
      course: { slug: 'js-graphs', title: 'Graphs in JavaScript' },
      host: { id: 'h1', displayName: 'Ada' },
      status: 'running',
      pin: '123456',
      players: 12,
      questions: 3,
      createdAt: '2026-03-01T09:00:00.000Z',
      endedAt: null,
      resultsCsv: '/api/live/sessions/7d3a4c55-8f0e-4f8d-9b0b-2a619b2f1c1e/results.csv',
    });
  });

  it('hides the PIN once it no longer leads to this room', () => {
    expect(summarise(row(), { phase: 'lobby', players: 0 }, false)).toMatchObject({ status: 'lobby', pin: null });
  });

  it('answers an ended room from its saved results, never with its PIN', () => {
    const ended = row({
      endedAt: new Date('2026-03-01T09:20:00Z'),
      results: { podium: [], players: [{ playerId: 'a' }, { playerId: 'b' }] },
    });
    expect(summarise(ended, null, true)).toMatchObject({
      status: 'ended',
      pin: null,
      players: 2,
      endedAt: '2026-03-01T09:20:00.000Z',
    });
  });

  it('calls a room ended when the room says so before its results are on record', () => {
    expect(summarise(row(), { phase: 'ended', players: 4 }, true)).toMatchObject({
      status: 'ended',
      pin: null,
      players: 4,
    });
  });

  it('leaves out a course that has since been deleted', () => {
    expect(summarise(row({ courseSlug: null, courseTitle: null }), null, false).course).toBeNull();
  });
});
