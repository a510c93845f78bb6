import type { Lang } from '../core/report/finding';

/** A failure's message in the reader's language when the error carries both (host and worker errors do). */
export function errorText(error: unknown, lang: Lang): string {
  // A definition's refusal names its file and field in both languages at once: shown whole.
  if (error instanceof Error && error.name === 'DefinitionError') return error.message;
  const text = (error as Partial<Record<Lang, unknown>> | null)?.[lang];
  if (typeof text === 'string') return text;
  return error instanceof Error ? error.message : String(error);
}
