export type { Confirmation } from './line';
export { confirmationLine, confirmationsInNote, covers, parseConfirmationLine } from './line';
export { applyConfirmations } from './apply';
export { confirmationValue, valueMatches } from './value';
export { withConfirmation, withoutConfirmation } from './note';
