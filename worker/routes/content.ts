/**
 * Content editing for instructors and admins: a course as its authors see it (answer keys
 * included), and edits to its lessons and items checked by the course-pack rules. Slugs,
 * types and uuids never change, so learners' history stays valid; see
 * content-editing/queries.ts for when learners see an edit (at once) and the one cache.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../api/app';
import { errorResponses, jsonContent, SlugSchema } from '../api/schemas';
import {
  exerciseProblems,
  ItemCreateSchema,
  ItemEditSchema,
  itemProblems,
  LessonCreateSchema,
  LessonEditSchema,
  typeChangeIssue,
  type FieldIssue,
} from '../content-editing/authoring';
import {
  authoringView,
  conceptToFill,
  createItem,
  createLesson,
  itemToEdit,
  updateItem,
  updateLesson,
} from '../content-editing/queries';
import type { Item } from '../curriculum/pack-schema';
import { ApiError } from '../errors';
import { requireRole, requireUser, signedIn } from '../middleware/require-user';

const authors = () => [requireUser(), requireRole('instructor', 'admin')];

const ItemFields = ItemEditSchema.openapi('ItemFields', {
  description: 'An item as authored in a course pack (its `id` and `concept` aside), the answer key included.',
});

const AuthoringLessonSchema = z
  .object({ slug: z.string(), title: z.string(), minutes: z.number().int(), body: z.string(), updatedAt: z.string() })
  .openapi('AuthoringLesson');

const AuthoringItemSchema = z
  .object({
    slug: z.string(),
    answers: z.number().int().openapi({ description: 'How many answers learners have given to this item' }),
    updatedAt: z.string(),
    fields: ItemFields,
  })
  .openapi('AuthoringItem');

const AuthoringCourseSchema = z
  .object({
    course: z.object({ slug: z.string(), title: z.string(), language: z.string(), languageVersion: z.string() }),
    concepts: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        summary: z.string(),
        lessons: z.array(AuthoringLessonSchema),
        items: z.array(AuthoringItemSchema),
      }),
    ),
  })
  .openapi('AuthoringCourse');

const CourseParam = z.object({ course: SlugSchema });
const ConceptParams = z.object({ course: SlugSchema, concept: SlugSchema });

const viewRoute = createRoute({
  method: 'get',
  path: '/api/content/courses/{course}',
  tags: ['content'],
  summary: 'A course as its authors edit it: lessons with their Markdown, items with their answer keys',
  middleware: authors(),
  request: { params: CourseParam },
  responses: {
    200: { description: 'The course', ...jsonContent(AuthoringCourseSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const lessonRoute = createRoute({
  method: 'put',
  path: '/api/content/courses/{course}/lessons/{lesson}',
  tags: ['content'],
  summary: "Edit a lesson's title, minutes and Markdown body (learners see it on their next request)",
  middleware: authors(),
  request: {
    params: z.object({ course: SlugSchema, lesson: SlugSchema }),
    body: { required: true, ...jsonContent(LessonEditSchema) },
  },
  responses: {
    200: { description: 'The lesson as stored', ...jsonContent(AuthoringLessonSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const itemRoute = createRoute({
  method: 'put',
  path: '/api/content/courses/{course}/items/{item}',
  tags: ['content'],
  summary:
    "Edit an item's content and key, checked as content:check checks a pack (its type stays; code exercises are run)",
  middleware: authors(),
  request: {
    params: z.object({ course: SlugSchema, item: SlugSchema }),
    body: { required: true, ...jsonContent(ItemFields) },
  },
  responses: {
    200: { description: 'The item as stored', ...jsonContent(AuthoringItemSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const newLessonRoute = createRoute({
  method: 'post',
  path: '/api/content/courses/{course}/concepts/{concept}/lessons',
  tags: ['content'],
  summary: 'Add a lesson to a concept',
  middleware: authors(),
  request: { params: ConceptParams, body: { required: true, ...jsonContent(LessonCreateSchema) } },
  responses: {
    201: { description: 'The lesson', ...jsonContent(AuthoringLessonSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const newItemRoute = createRoute({
  method: 'post',
  path: '/api/content/courses/{course}/concepts/{concept}/items',
  tags: ['content'],
  summary: 'Add an item to a concept (checked like an edit)',
  middleware: authors(),
  request: { params: ConceptParams, body: { required: true, ...jsonContent(ItemCreateSchema) } },
  responses: {
    201: { description: 'The item', ...jsonContent(AuthoringItemSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

function refuse(issues: readonly FieldIssue[]): void {
  if (issues.length) throw new ApiError('validation_failed', 'The request is not valid.', { details: issues });
}

export function registerContentRoutes(app: App): void {
  app.openapi(viewRoute, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await authoringView(c.var.db, c.req.valid('param').course), 200);
  });

  app.openapi(lessonRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await updateLesson(c.var.db, user, c.req.valid('param'), c.req.valid('json')), 200);
  });

  app.openapi(itemRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { course, item: slug } = c.req.valid('param');
    const fields = c.req.valid('json');
    const stored = await itemToEdit(c.var.db, { course, item: slug });
    const typeChange = typeChangeIssue(stored.type, fields.type);
    refuse(typeChange ? [typeChange] : []);
    const item: Item = { ...fields, id: slug, concept: stored.concept };
    refuse(itemProblems(item));
    // Run before the transaction opens: no transaction is held while the sandbox works.
    refuse(await exerciseProblems(item, c.var.sandbox));
    return c.json(await updateItem(c.var.db, user, { course, itemId: stored.id }, item), 200);
  });

  app.openapi(newLessonRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await createLesson(c.var.db, user, c.req.valid('param'), c.req.valid('json')), 201);
  });

  app.openapi(newItemRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { course, concept } = c.req.valid('param');
    const { slug, ...fields } = c.req.valid('json');
    const target = await conceptToFill(c.var.db, { course, concept });
    const item: Item = { ...fields, id: slug, concept };
    refuse(itemProblems(item));
    refuse(await exerciseProblems(item, c.var.sandbox));
    return c.json(await createItem(c.var.db, user, { course, ...target }, item), 201);
  });
}
