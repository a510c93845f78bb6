import { KeyedValues, TableCell } from '../../../src/core/templates/row-cells';

describe('KeyedValues', () => {
  const index = new Map([
    ['stt', 0],
    ['unit', 1],
  ]);
  const stt = new TableCell(7, 'A', 3, undefined, undefined);
  const unit = new TableCell(7, 'B', 'Sở Y tế', '@', undefined);
  const cells = new KeyedValues(index, [stt, unit]);

  it('reads as the Map of the same cells would', () => {
    const map = new Map([
      ['stt', stt],
      ['unit', unit],
    ]);
    expect(cells.size).toBe(map.size);
    expect(cells.get('unit')).toBe(unit);
    expect(cells.get('total')).toBeUndefined();
    expect([cells.has('stt'), cells.has('total')]).toEqual([true, false]);
    expect([...cells]).toEqual([...map]);
    expect([...cells.entries()]).toEqual([...map.entries()]);
    expect([...cells.keys()]).toEqual(['stt', 'unit']);
    expect([...cells.values()]).toEqual([stt, unit]);
    const visited: [string, number][] = [];
    cells.forEach((cell, key, owner) => visited.push([key, owner === cells ? cell.row : -1]));
    expect(visited).toEqual([
      ['stt', 7],
      ['unit', 7],
    ]);
  });

  it('spells a cell address from its column and row', () => {
    expect([stt.address, unit.address, unit.value, unit.numberFormat]).toEqual(['A7', 'B7', 'Sở Y tế', '@']);
  });

  it('leaves out the keys without a value, as a Map they were never set in', () => {
    const numbers = new KeyedValues<number>(index).set('unit', 5);
    expect([numbers.size, numbers.get('unit'), numbers.has('stt'), numbers.get('stt')]).toEqual([
      1,
      5,
      false,
      undefined,
    ]);
    expect([...numbers]).toEqual([...new Map([['unit', 5]])]);
    expect([[...numbers.keys()], [...numbers.values()]]).toEqual([['unit'], [5]]);
    expect(() => numbers.set('total', 1)).toThrow('no column total in this table');
  });
});
