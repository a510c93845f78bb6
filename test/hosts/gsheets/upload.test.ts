import { storeChunk, takeUpload } from '../../../src/hosts/gsheets/upload';
import { FakeSpreadsheet, fakeUtilities, readMethods } from '../../support/fake-spreadsheet-app';

/** A chunk whose 45,000-character pieces would each begin with what Sheets reads specially. */
function awkwardChunk(): string {
  return ["'", '=', '+', '-'].map((lead) => `${lead}${'ạ"x'.repeat(14_999)}ọ`).join('');
}

test('a piece starting with an apostrophe, "=" or "+" comes back exactly as it was sent', () => {
  const spreadsheet = new FakeSpreadsheet();
  const chunk = awkwardChunk();
  storeChunk(spreadsheet, fakeUtilities, 'u1', 0, chunk);
  const back = takeUpload(spreadsheet, fakeUtilities, 'u1');
  expect(back.length).toBe(chunk.length); // a short failure message before the long one
  expect(back).toBe(chunk);
});

test('every staged cell is under 50,000 characters and begins with a letter or a digit', () => {
  const spreadsheet = new FakeSpreadsheet();
  storeChunk(spreadsheet, fakeUtilities, 'u1', 0, awkwardChunk());
  const cells = [...spreadsheet.sheet('_soat_upload').cells.values()].map((cell) => String(cell.value ?? ''));
  expect(cells.length).toBeGreaterThan(3);
  expect(cells.filter((text) => text.length > 50_000 || !/^[A-Za-z0-9]/.test(text))).toEqual([]);
});

test('each chunk is appended below the last row, without reading the staging sheet back', () => {
  const spreadsheet = new FakeSpreadsheet();
  storeChunk(spreadsheet, fakeUtilities, 'u1', 1, 'thứ hai');
  spreadsheet.ledger.reset();
  storeChunk(spreadsheet, fakeUtilities, 'u1', 0, 'thứ nhất, ');
  storeChunk(spreadsheet, fakeUtilities, 'u1', 2, '');
  expect(spreadsheet.ledger.count('_soat_upload', readMethods)).toBe(0);
  expect(spreadsheet.ledger.methods('_soat_upload')).toEqual(
    Array(2).fill(['getLastRow', 'getRange', 'setNumberFormat', 'setValues']).flat(),
  );
  expect(takeUpload(spreadsheet, fakeUtilities, 'u1')).toBe('thứ nhất, thứ hai');
});
