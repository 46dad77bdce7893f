/**
 * How long a lesson is, in words, for the publishing rule on lesson length. It counts what
 * an author would count with `wc -w`, minus Markdown marks that are not words: a run of
 * non-space characters counts when it holds a letter or a digit, so `#`, `-`, `|` and code
 * fences do not, while code counts like prose (`countNodes(graph)` is one word).
 */
export function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((chunk) => /[\p{L}\p{N}]/u.test(chunk)).length;
}
