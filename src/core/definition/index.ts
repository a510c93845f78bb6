/** Report definitions: the JSON a consolidator brings, read into the report the engine runs. */
export { builtinReport } from './builtin';
export { DefinitionError } from './errors';
export { parseDefinition, readDefinition } from './read';
