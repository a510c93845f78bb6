import type { Lang } from '../core/report/finding';
import type { PaneActions } from '../taskpane/actions';

/**
 * The ribbon's function commands: Validate, Compute and Clear work without opening the pane.
 * The ids here are the manifest's <FunctionName> values (test/taskpane/manifest.test.ts checks).
 */
export const commandNames = ['soatValidate', 'soatCompute', 'soatClear'] as const;
export type CommandName = (typeof commandNames)[number];

/** What a command needs from Office, handed in so that tests run it over the fake Excel. */
export interface CommandEnv {
  actions(): Pick<PaneActions, 'validate' | 'compute' | 'clear'>;
  lang(): Lang;
  /** Tells the user; resolves once the message was seen (or could not be shown). */
  notify(text: string, lang: Lang): Promise<unknown>;
  /** A command that worked: an older failure's message is stale. */
  succeeded(): void;
  log(message: string, error: unknown): void;
}

const failedTitle: Record<CommandName, Record<Lang, string>> = {
  soatValidate: { vi: 'Kiểm tra không thực hiện được', en: 'Validate did not run' },
  soatCompute: { vi: 'Tính tỷ lệ không thực hiện được', en: 'Compute percentages did not run' },
  soatClear: { vi: 'Xóa đánh dấu không thực hiện được', en: 'Clear did not run' },
};

const work: Record<CommandName, (actions: ReturnType<CommandEnv['actions']>, lang: Lang) => Promise<unknown>> = {
  soatValidate: (actions, lang) => actions.validate(lang),
  soatCompute: (actions, lang) => actions.compute({ overwrite: false, lang }),
  soatClear: (actions) => actions.clear(),
};

/** A failure's words in the reader's language when the error carries both (host errors do). */
export function failureText(name: CommandName, error: unknown, lang: Lang): string {
  const own = typeof error === 'object' && error !== null ? (error as Partial<Record<Lang, unknown>>)[lang] : undefined;
  const detail = typeof own === 'string' ? own : error instanceof Error ? error.message : String(error);
  return `${failedTitle[name][lang]}: ${detail}`;
}

/**
 * One command's handler: runs the action, tells the user when it fails, and always completes
 * the event (else Excel keeps the button busy) once the message was seen.
 */
export function commandHandler(name: CommandName, env: CommandEnv): (event: { completed(): void }) => Promise<void> {
  return async (event) => {
    const lang = env.lang();
    try {
      await work[name](env.actions(), lang);
      env.succeeded();
    } catch (error) {
      env.log(`Soát ${name}:`, error);
      await env
        .notify(failureText(name, error, lang), lang)
        .catch((notifyError: unknown) => env.log('Soát notice:', notifyError));
    } finally {
      event.completed();
    }
  };
}
