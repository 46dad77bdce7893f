import { describe, expect, it } from 'vitest';
import { codeProblem, groupNameProblem, normalizeCode } from './codes';

describe('join codes', () => {
  it('normalises what people type the way the server does', () => {
    expect(normalizeCode(' k7mx-2qpa ')).toBe('K7MX2QPA');
  });

  it('accepts codes by the API’s length rule and explains the rest', () => {
    expect(codeProblem('k7mx-2qpa')).toBeNull();
    expect(codeProblem('   ')).toBe('Enter the code you were given.');
    expect(codeProblem('AB')).toBe('Codes are at least 4 characters long.');
    expect(codeProblem('A-B-')).toBe('Codes are at least 4 characters long.');
    expect(codeProblem('A'.repeat(21))).toBe('Codes are at most 20 characters long.');
    expect(codeProblem('ABCD!')).toBe('Codes use only letters and digits.');
  });
});

describe('group names', () => {
  it('needs 1 to 80 characters after trimming', () => {
    expect(groupNameProblem('Graph club')).toBeNull();
    expect(groupNameProblem('  ')).toBe('Give the group a name.');
    expect(groupNameProblem('x'.repeat(81))).toBe('Names are at most 80 characters long.');
  });
});
