/**
 * Loads a course pack into Postgres, idempotently: rows are matched by course and slug and
 * updated in place (their uuids, which learners' progress points at, never change), and
 * concepts, lessons and items dropped from the pack are retired rather than deleted. An
 * item's learned Elo rating survives re-seeds once learners have answered it.
 */
import { and, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { orderConcepts } from '../../worker/curriculum/concept-graph.ts';
import { STARTING_RATING, splitItem } from '../../worker/curriculum/item-parts.ts';
import type { CoursePack } from '../../worker/curriculum/pack-schema.ts';
import * as schema from '../../worker/db/schema/index.ts';

const { courses, concepts, conceptPrerequisites, lessons, items } = schema;

export type SeedDatabase = NodePgDatabase<typeof schema>;

export interface SeedReport {
  course: string;
  concepts: number;
  lessons: number;
  items: number;
  /** Rows retired because the pack no longer has them. */
  retired: number;
}

/**
 * The upsert's condition: only a row whose content differs (or that was retired) is
 * written, so re-seeding an unchanged pack changes no row, not even its updated_at.
 */
function differs(table: PgTable, columns: PgColumn[]): SQL {
  const current = sql.join(
    columns.map((column) => sql`${table}.${sql.identifier(column.name)}`),
    sql`, `,
  );
  const incoming = sql.join(
    columns.map((column) => sql`excluded.${sql.identifier(column.name)}`),
    sql`, `,
  );
  return sql`(${current}) is distinct from (${incoming}) or ${table}.retired_at is not null`;
}

export async function seedPack(db: SeedDatabase, pack: CoursePack, now = new Date()): Promise<SeedReport> {
  const ordering = orderConcepts(pack.course.concepts);
  if (!ordering.ok) throw new Error(`${pack.course.slug}: prerequisites form a cycle: ${ordering.cycle.join(' → ')}`);

  return db.transaction(async (tx) => {
    const { concepts: conceptList, slug, ...courseFields } = pack.course;
    const [written] = await tx
      .insert(courses)
      .values({ slug, ...courseFields, updatedAt: now })
      .onConflictDoUpdate({
        target: courses.slug,
        set: { ...courseFields, updatedAt: now, retiredAt: null },
        setWhere: differs(courses, [courses.title, courses.summary, courses.language, courses.languageVersion]),
      })
      .returning({ id: courses.id });
    const [course] = written
      ? [written]
      : await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, slug));
    if (!course) throw new Error(`${slug}: the course row was not written`);
    const courseId = course.id;
    let retired = 0;
    const retire = async (table: typeof concepts | typeof lessons | typeof items, keep: string[]) => {
      const rows = await tx
        .update(table)
        .set({ retiredAt: now })
        .where(
          and(
            eq(table.courseId, courseId),
            isNull(table.retiredAt),
            keep.length ? notInArray(table.slug, keep) : undefined,
          ),
        )
        .returning({ id: table.id });
      retired += rows.length;
    };

    const conceptIds = new Map<string, string>();
    for (const concept of conceptList) {
      const values = { title: concept.title, summary: concept.summary, position: ordering.order.indexOf(concept.id) };
      const [written] = await tx
        .insert(concepts)
        .values({ courseId, slug: concept.id, ...values, updatedAt: now })
        .onConflictDoUpdate({
          target: [concepts.courseId, concepts.slug],
          set: { ...values, updatedAt: now, retiredAt: null },
          setWhere: differs(concepts, [concepts.title, concepts.summary, concepts.position]),
        })
        .returning({ id: concepts.id });
      const [row] = written
        ? [written]
        : await tx
            .select({ id: concepts.id })
            .from(concepts)
            .where(and(eq(concepts.courseId, courseId), eq(concepts.slug, concept.id)));
      if (row) conceptIds.set(concept.id, row.id);
    }
    await retire(
      concepts,
      conceptList.map((concept) => concept.id),
    );
    const conceptId = (id: string) => {
      const found = conceptIds.get(id);
      if (!found) throw new Error(`${slug}: unknown concept "${id}"`);
      return found;
    };

    // The graph is small; replacing its edges is simpler than diffing them.
    await tx.delete(conceptPrerequisites).where(inArray(conceptPrerequisites.conceptId, [...conceptIds.values()]));
    const edges = conceptList.flatMap((concept) =>
      concept.prerequisites.map((prerequisite) => ({
        conceptId: conceptId(concept.id),
        prerequisiteId: conceptId(prerequisite),
      })),
    );
    if (edges.length) await tx.insert(conceptPrerequisites).values(edges);

    for (const lesson of pack.lessons) {
      const values = {
        conceptId: conceptId(lesson.concept),
        title: lesson.title,
        minutes: lesson.minutes,
        body: lesson.body,
      };
      await tx
        .insert(lessons)
        .values({ courseId, slug: lesson.id, ...values, updatedAt: now })
        .onConflictDoUpdate({
          target: [lessons.courseId, lessons.slug],
          set: { ...values, updatedAt: now, retiredAt: null },
          setWhere: differs(lessons, [lessons.conceptId, lessons.title, lessons.minutes, lessons.body]),
        });
    }
    await retire(
      lessons,
      pack.lessons.map((lesson) => lesson.id),
    );

    for (const item of pack.items) {
      const { content, answer } = splitItem(item);
      const values = {
        conceptId: conceptId(item.concept),
        type: item.type,
        difficulty: item.difficulty,
        prompt: item.prompt,
        explanation: item.explanation,
        hints: item.hints,
        content,
        answer,
      };
      await tx
        .insert(items)
        .values({ courseId, slug: item.id, rating: STARTING_RATING[item.difficulty], ...values, updatedAt: now })
        .onConflictDoUpdate({
          target: [items.courseId, items.slug],
          set: {
            ...values,
            // Until someone answers it, the authored difficulty is all we know.
            rating: sql`case when ${items.answers} = 0 then excluded.rating else ${items.rating} end`,
            updatedAt: now,
            retiredAt: null,
          },
          setWhere: differs(items, [
            items.conceptId,
            items.type,
            items.difficulty,
            items.prompt,
            items.explanation,
            items.hints,
            items.content,
            items.answer,
          ]),
        });
    }
    await retire(
      items,
      pack.items.map((item) => item.id),
    );

    return {
      course: slug,
      concepts: conceptList.length,
      lessons: pack.lessons.length,
      items: pack.items.length,
      retired,
    };
  });
}
