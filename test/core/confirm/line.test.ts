import {
  confirmationLine,
  confirmationsInNote,
  parseConfirmationLine,
  withConfirmation,
  withoutConfirmation,
} from '../../../src/core/confirm';
import { noteBlock } from '../../../src/core/report/annotation';

const parts = (text: string) => {
  const c = parseConfirmationLine(text);
  return c && { rules: c.rules, value: c.value, reason: c.reason };
};

describe('a confirmation line', () => {
  test.each([
    [
      'Soát: xác nhận ratio-mismatch = 39,32 — đơn vị tính trên cơ sở khác',
      { rules: ['ratio-mismatch'], value: '39,32', reason: 'đơn vị tính trên cơ sở khác' },
    ],
    [
      'Soát: confirmed ratio-mismatch, sum-mismatch = 39.32 - checked by phone',
      { rules: ['ratio-mismatch', 'sum-mismatch'], value: '39.32', reason: 'checked by phone' },
    ],
    ['Soát: xác nhận — đã gọi điện kiểm tra', { rules: [], value: undefined, reason: 'đã gọi điện kiểm tra' }],
    ['Soát: confirmed – right', { rules: [], value: undefined, reason: 'right' }],
    ['Soát: xác nhận = 4 — đúng', { rules: [], value: '4', reason: 'đúng' }],
    ['Soát: xác nhận part-exceeds-total — đúng', { rules: ['part-exceeds-total'], value: undefined, reason: 'đúng' }],
    [
      '  soát :   XÁC   NHẬN   [range-value]  =  2-3  -  đơn vị báo khoảng  ',
      { rules: ['range-value'], value: '2-3', reason: 'đơn vị báo khoảng' },
    ],
    ['Soát: xác nhận = -5 - số âm là đúng', { rules: [], value: '-5', reason: 'số âm là đúng' }],
    ['SOAT: Confirmed everything is right', { rules: [], value: undefined, reason: 'everything is right' }],
    ['Soát: xác nhận đúng như đơn vị báo', { rules: [], value: undefined, reason: 'đúng như đơn vị báo' }],
  ])('%s', (text, expected) => {
    expect(parts(text)).toEqual(expected);
  });

  it('reads Vietnamese typed decomposed (NFD) as the same words', () => {
    const nfd = 'Soát: xác nhận ratio-mismatch = 39,32 — đã kiểm tra'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(parts(nfd)).toEqual({ rules: ['ratio-mismatch'], value: '39,32', reason: 'đã kiểm tra' });
  });

  test.each([
    'Soát đã kiểm tra dòng này',
    'xác nhận ratio-mismatch — đúng',
    '[Lỗi] Tỷ lệ ghi 39,32% (ratio-mismatch)',
    '',
  ])('is not "%s"', (text) => expect(parseConfirmationLine(text)).toBeUndefined());

  it('is found on its own line inside human text, never inside Soát’s block', () => {
    const note = [
      'Đã hỏi lại đơn vị ngày 3/10.',
      'Soát: xác nhận ratio-mismatch = 39,32 — tính trên cơ sở khác',
      'Người kiểm tra: Lan',
      '',
      noteBlock('[Lỗi] Soát: xác nhận — a line of Soát’s own is not the reviewer’s (ratio-mismatch)'),
      'Soát: confirmed sum-mismatch — reply under the block',
    ].join('\n');
    expect(confirmationsInNote(note).map((c) => [c.rules, c.reason])).toEqual([
      [['ratio-mismatch'], 'tính trên cơ sở khác'],
      [['sum-mismatch'], 'reply under the block'],
    ]);
  });

  it('is written by the pane in the reader’s language, on one line', () => {
    expect(confirmationLine('ratio-mismatch', '39,32', 'tính trên\ncơ sở khác', 'vi')).toBe(
      'Soát: xác nhận ratio-mismatch = 39,32 — tính trên cơ sở khác',
    );
    expect(confirmationLine('missing-value', undefined, 'n/a', 'en')).toBe('Soát: confirmed missing-value — n/a');
    expect(parts(confirmationLine('range-value', '2-3', 'ok', 'vi'))).toEqual({
      rules: ['range-value'],
      value: '2-3',
      reason: 'ok',
    });
  });
});

describe('a note with a confirmation added and removed', () => {
  const line = 'Soát: xác nhận ratio-mismatch = 39,32 — đúng';
  const block = noteBlock('[Lỗi] Tỷ lệ ghi 39,32% (ratio-mismatch)');

  test.each([
    ['no note', undefined],
    ['a human note', 'Hỏi lại đơn vị.\n  dòng hai  '],
    ['Soát’s block alone', block],
    ['a human note and Soát’s block', `Hỏi lại đơn vị.\n\n${block}`],
    ['a reply under Soát’s block', `Hỏi lại.\n\n${block}\nTrả lời: đúng.`],
  ])('%s: the rest stays byte for byte', (_, note) => {
    const added = withConfirmation(note, line, 'ratio-mismatch');
    expect(confirmationsInNote(added).map((c) => c.line)).toEqual([line]);
    expect(added.replace(`${line}\n`, '').replace(`\n${line}`, '').replace(line, '')).toBe(
      note === undefined ? '' : note.startsWith(block) ? `\n${note}` : note,
    );
    const removed = withoutConfirmation(added, 'ratio-mismatch');
    expect(removed).toBe(note);
  });

  it('replaces an earlier line for the same rule where it stands', () => {
    const note = `A\n${line}\nB`;
    const next = 'Soát: xác nhận ratio-mismatch = 40 — sửa lại';
    expect(withConfirmation(note, next, 'ratio-mismatch')).toBe(`A\n${next}\nB`);
  });

  it('removes one id from a line naming several, and a line naming none', () => {
    expect(withoutConfirmation('Soát: confirmed ratio-mismatch, sum-mismatch = 4 — ok\nX', 'sum-mismatch')).toBe(
      'Soát: confirmed ratio-mismatch = 4 — ok\nX',
    );
    expect(withoutConfirmation('X\nSoát: xác nhận — mọi phát hiện', 'sum-mismatch')).toBe('X');
  });
});
