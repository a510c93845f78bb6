/**
 * The Apps Script bundle's entry: webpack exposes these as `var Soat = {…}` and the build
 * appends one top-level stub per function (`function onOpen(e) { return Soat.onOpen(e); }`),
 * which is how Apps Script finds menu handlers, triggers and google.script.run targets.
 */
import {
  menuClear,
  menuCompute,
  menuMerge,
  menuValidate,
  onInstall,
  onOpen,
  serverFunctions,
  showSidebar,
} from './server';

export { menuClear, menuCompute, menuMerge, menuValidate, onInstall, onOpen, showSidebar };
export const {
  validate,
  compute,
  clear,
  revert,
  selectCell,
  acceptSuggestion,
  confirm,
  unconfirm,
  mergeSheets,
  uploadChunk,
  mergeUpload,
  inForce,
  storeDefinition,
  createRegistrySheet,
} = serverFunctions;
