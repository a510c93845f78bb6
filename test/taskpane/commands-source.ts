import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandNames } from '../../src/commands/run';

/**
 * The names commands.ts registers: `commandNames` of run.ts, provided commands.ts (which cannot
 * be imported: it runs Office.onReady) still walks that list with Office.actions.associate.
 */
export function commandNamesInSource(): string[] {
  const source = readFileSync(join(__dirname, '..', '..', 'src', 'commands', 'commands.ts'), 'utf8');
  if (
    !/import \{[^}]*\bcommandNames\b[^}]*\} from '\.\/run'/.test(source) ||
    !/for \(const name of commandNames\) Office\.actions\.associate\(name, /.test(source)
  ) {
    throw new Error('commands.ts no longer associates run.ts commandNames');
  }
  return [...commandNames];
}
