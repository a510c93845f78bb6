import { humanPart, mergeNote, soatBlock, soatEndMarker, soatMarker } from '../../../src/core/report/annotation';

const block = (text: string): string => `${soatMarker}\n${text}\n${soatEndMarker}`;

describe('a note with Soát’s block and a human’s reply under it', () => {
  const note = `Chị Lan: hỏi lại\n\n${block('[Lỗi] cũ')}\nAnh Minh: đơn vị đã sửa — xem lại\n  dòng hai`;

  it('a re-run replaces only the block; the reply stays as it was written', () => {
    expect(mergeNote(note, '[Lỗi] mới')).toBe(
      `Chị Lan: hỏi lại\n\n${block('[Lỗi] mới')}\nAnh Minh: đơn vị đã sửa — xem lại\n  dòng hai`,
    );
  });

  it('Clear removes the block and keeps the words before and after it', () => {
    expect(mergeNote(note, undefined)).toBe('Chị Lan: hỏi lại\n\nAnh Minh: đơn vị đã sửa — xem lại\n  dòng hai');
    expect(humanPart(note)).toBe('Chị Lan: hỏi lại\n\nAnh Minh: đơn vị đã sửa — xem lại\n  dòng hai');
    expect(soatBlock(note)).toBe(block('[Lỗi] cũ'));
  });

  it('a reply under a block of Soát alone is kept by Clear', () => {
    expect(mergeNote(`${block('[Lỗi] cũ')}\nđã xử lý`, undefined)).toBe('đã xử lý');
  });

  it('a block written before blocks had an end runs to the end of the note, as it always did', () => {
    expect(mergeNote(`người: a\n\n${soatMarker}\n[Lỗi] cũ`, '[Lỗi] mới')).toBe(`người: a\n\n${block('[Lỗi] mới')}`);
  });
});
