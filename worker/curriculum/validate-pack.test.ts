import { describe, expect, it } from 'vitest';
import type { CoursePack } from './pack-schema';
import { validatePack, type PublishingRules } from './validate-pack';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

function pack(bodies: Record<string, string>): CoursePack {
  return {
    course: {
      slug: 'graphs',
      title: 'Graphs',
      summary: 'Graphs in JavaScript.',
      language: 'javascript',
      languageVersion: 'ES2022',
      concepts: [{ id: 'nodes', title: 'Nodes', summary: 'Places.', prerequisites: [] }],
    },
    lessons: Object.entries(bodies).map(([id, body]) => ({ id, concept: 'nodes', title: id, minutes: 5, body })),
    items: [],
  };
}

const rules: PublishingRules = { minItemsPerConcept: 0, lessonPerConcept: true, lessonWords: { min: 300, max: 1200 } };

describe('validatePack: lesson length', () => {
  it('error: a lesson outside 300–1200 words is reported at the lesson, with its count', () => {
    const problems = validatePack(
      pack({ short: words(299), shortest: words(300), longest: words(1200), long: words(1201) }),
      rules,
    );
    expect(problems).toEqual([
      { where: 'lesson short', message: 'is too short: 299 words, code included; a published lesson has 300–1200' },
      { where: 'lesson long', message: 'is too long: 1201 words, code included; a published lesson has 300–1200' },
    ]);
  });

  it('counts the code in a lesson', () => {
    const body = `${words(290)}\n\n\`\`\`js\n${words(10)}\n\`\`\``;
    expect(validatePack(pack({ intro: body }), rules)).toEqual([]);
  });

  it('is a publishing rule: not checked without the rules, nor when the rules leave it out', () => {
    expect(validatePack(pack({ short: words(10) }))).toEqual([]);
    expect(validatePack(pack({ short: words(10) }), { minItemsPerConcept: 0, lessonPerConcept: true })).toEqual([]);
  });
});
