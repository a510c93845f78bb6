/** Report definitions: the JSON a consolidator brings, read into the report the engine runs. */
export { builtinReport } from './builtin';
export { DefinitionError } from './errors';
export { parseDefinition, readDefinition } from './read';
export { carriedDefinition, carriedDefinitionText, definitionSheetDraft, definitionSheetName } from './carried';
export type { Given, InForce, RegistrySource, ReportSource } from './in-force';
export { definitionRegistry, inForce, sheetRegistry } from './in-force';
