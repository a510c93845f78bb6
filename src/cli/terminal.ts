/**
 * Text from a unit's file printed to a terminal must not drive it: an ESC starts a control
 * sequence (colours, cursor moves, OSC 8 links), U+202E turns the rest of the line around.
 * Every control and bidirectional formatting character is shown as an escape instead.
 */

// C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of terminal output: controls, line breaks included, become `\u001b`-style escapes. */
export function printable(text: string): string {
  return text.replace(unsafe, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
