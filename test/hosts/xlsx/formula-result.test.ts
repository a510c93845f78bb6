import type { FormulaValue } from '../../../src/hosts/xlsx/formula-result';
import { formulaResult } from '../../../src/hosts/xlsx/formula-result';

const cells: Record<string, FormulaValue> = {
  E5: 125,
  F5: 70,
  H5: 55,
  E6: 0,
  F6: 0,
  T1: 'x',
  N1: '26',
  D1: { error: '#REF!' },
};
const lookup = (address: string): FormulaValue | undefined => (address in cells ? cells[address] : null);

describe('formulaResult', () => {
  it.each<[string, FormulaValue | undefined]>([
    ['IF(E5>0,ROUND(F5/E5*100,2),"")', 56],
    ['=IF(E5>0,ROUND(H5/E5*100,2),"")', 44],
    ['IF(E6>0,ROUND(F6/E6*100,2),"")', ''],
    ['ROUND(2/3*100,2)', 66.67],
    ['ROUND(-2.5,0)', -3],
    ['ROUND(1.005,2)', 1.01],
    ['F6/E6', { error: '#DIV/0!' }],
    ['T1+1', { error: '#VALUE!' }],
    ['N1*2', 52],
    ['D1+1', { error: '#REF!' }],
    ['SUM(E5:F6)+MAX(1,2)', 197],
    ['"a"&"b"&1', 'ab1'],
    ['Z9+1', 1],
    ["'Phụ lục 1'!A1", undefined],
    ['VLOOKUP(E5,A1:B2,2)', undefined],
    ['my_name*2', undefined],
  ])('%s = %j', (formula, expected) => {
    expect(formulaResult(formula, lookup)).toEqual(expected);
  });
});
