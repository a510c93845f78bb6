/**
 * The result of a simple formula, computed as Excel would, for a file that holds a formula
 * without its cached value (written by Soát's Compute, or by a program that does not calculate).
 * Arithmetic, comparisons, `&`, IF, ROUND, SUM, MIN, MAX, ABS, AND, OR, NOT over cells of the
 * same sheet; anything else is "cannot tell" (undefined), never a guess.
 */

export type FormulaValue = number | string | boolean | null | { readonly error: string };

/** The value of a cell of the same sheet (its cached value, or its own formula's result). */
export type CellLookup = (address: string) => FormulaValue | undefined;

class CannotTell extends Error {}

const errorOf = (error: string): FormulaValue => ({ error });
const isError = (v: FormulaValue): v is { readonly error: string } => typeof v === 'object' && v !== null;

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ref'; value: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

const tokenPattern =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)|"((?:[^"]|"")*)"|(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3}\$?\d+)|(\$?[A-Z]{1,3}\$?\d+)(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/^&=<>(),%]))/y;

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let at = 0;
  while (at < formula.length) {
    if (/^\s*$/.test(formula.slice(at))) break;
    tokenPattern.lastIndex = at;
    const m = tokenPattern.exec(formula);
    if (m === null) throw new CannotTell(formula);
    at = tokenPattern.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'number', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'string', value: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ kind: 'range', from: m[3], to: m[4]! });
    else if (m[5] !== undefined) tokens.push({ kind: 'ref', value: m[5].replace(/\$/g, '') });
    else if (m[6] !== undefined) tokens.push({ kind: 'name', value: m[6].toUpperCase() });
    else tokens.push({ kind: 'op', value: m[7]! });
  }
  return tokens;
}

function toNumber(v: FormulaValue): number {
  if (isError(v)) throw new ErrorValue(v.error);
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const trimmed = v.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  throw new ErrorValue('#VALUE!');
}

function toText(v: FormulaValue): string {
  if (isError(v)) throw new ErrorValue(v.error);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBoolean(v: FormulaValue): boolean {
  if (typeof v === 'string') throw new ErrorValue('#VALUE!');
  return toNumber(v) !== 0;
}

/** An Excel error raised inside an expression: it becomes the formula's value. */
class ErrorValue extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

/** Excel's ROUND: half away from zero, on the decimal the number shows. */
function round(x: number, digits: number): number {
  const factor = 10 ** Math.trunc(digits);
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const result = (Math.sign(x) * Math.round(scaled)) / factor;
  return result === 0 ? 0 : result;
}

/** Excel orders numbers before text before booleans; text compares without case. */
function compare(a: FormulaValue, b: FormulaValue): number {
  const rank = (v: FormulaValue): number => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  if (isError(a)) throw new ErrorValue(a.error);
  if (isError(b)) throw new ErrorValue(b.error);
  const left = a ?? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0);
  const right = b ?? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0);
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === 'string') {
    const x = left.toLowerCase();
    const y = String(right).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(left) - Number(right);
}

function cellsOf(from: string, to: string): string[] {
  const parse = (a: string): { col: number; row: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { col, row: Number(m[2]) };
  };
  const letter = (col: number): string => {
    let s = '';
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  const a = parse(from);
  const b = parse(to);
  if ((Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1) > 10_000) throw new CannotTell('range');
  const cells: string[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) cells.push(`${letter(c)}${r}`);
  }
  return cells;
}

class Evaluator {
  private at = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly lookup: CellLookup,
  ) {}

  run(): FormulaValue {
    const value = this.comparison();
    if (this.at !== this.tokens.length) throw new CannotTell('trailing');
    return value;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.at];
    return t?.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private expect(op: string): void {
    if (this.peekOp(op) === undefined) throw new CannotTell(`expected ${op}`);
    this.at++;
  }

  private comparison(): FormulaValue {
    let left = this.concat();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; op = this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.at++;
      const right = this.concat();
      left = guard(() => {
        const c = compare(left, right);
        const results: Record<string, boolean> = { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0 };
        return results[op] ?? (op === '<=' ? c <= 0 : c >= 0);
      });
    }
    return left;
  }

  private concat(): FormulaValue {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.at++;
      const right = this.additive();
      left = guard(() => toText(left) + toText(right));
    }
    return left;
  }

  private additive(): FormulaValue {
    let left = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.at++;
      const right = this.term();
      left = guard(() => (op === '+' ? toNumber(left) + toNumber(right) : toNumber(left) - toNumber(right)));
    }
    return left;
  }

  private term(): FormulaValue {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.at++;
      const right = this.power();
      left = guard(() => {
        const a = toNumber(left);
        const b = toNumber(right);
        if (op === '*') return a * b;
        if (b === 0) throw new ErrorValue('#DIV/0!');
        return a / b;
      });
    }
    return left;
  }

  private power(): FormulaValue {
    let left = this.unary();
    while (this.peekOp('^')) {
      this.at++;
      const right = this.unary();
      left = guard(() => toNumber(left) ** toNumber(right));
    }
    return left;
  }

  private unary(): FormulaValue {
    const op = this.peekOp('-', '+');
    if (op) {
      this.at++;
      const v = this.unary();
      return guard(() => (op === '-' ? -toNumber(v) : toNumber(v)));
    }
    let value = this.primary();
    while (this.peekOp('%')) {
      this.at++;
      const v = value;
      value = guard(() => toNumber(v) / 100);
    }
    return value;
  }

  private primary(): FormulaValue {
    const t = this.tokens[this.at++];
    if (t === undefined) throw new CannotTell('end');
    switch (t.kind) {
      case 'number':
      case 'string':
        return t.value;
      case 'ref':
        return this.cell(t.value);
      case 'range':
        throw new CannotTell('range outside a function');
      case 'name':
        if (t.value === 'TRUE' || t.value === 'FALSE') {
          if (this.peekOp('(')) this.at += this.peekClose();
          return t.value === 'TRUE';
        }
        return this.call(t.value);
      case 'op':
        if (t.value !== '(') throw new CannotTell(t.value);
        {
          const v = this.comparison();
          this.expect(')');
          return v;
        }
    }
  }

  /** "TRUE()" is TRUE: skips the empty parentheses. */
  private peekClose(): number {
    return this.tokens[this.at + 1]?.kind === 'op' ? 2 : 0;
  }

  private cell(address: string): FormulaValue {
    const value = this.lookup(address);
    if (value === undefined) throw new CannotTell(address);
    return value;
  }

  /** Arguments as lists: a range gives its cells, any other argument one value. */
  private args(): FormulaValue[][] {
    this.expect('(');
    const args: FormulaValue[][] = [];
    if (this.peekOp(')')) {
      this.at++;
      return args;
    }
    for (;;) {
      const t = this.tokens[this.at];
      const next = this.tokens[this.at + 1];
      const endsArg = next?.kind === 'op' && (next.value === ',' || next.value === ')');
      if (t?.kind === 'range' && endsArg) {
        this.at++;
        args.push(cellsOf(t.from, t.to).map((a) => this.cell(a)));
      } else {
        args.push([this.comparison()]);
      }
      if (this.peekOp(')')) {
        this.at++;
        return args;
      }
      this.expect(',');
    }
  }

  private call(name: string): FormulaValue {
    if (name === 'IF') return this.callIf();
    const args = this.args();
    const one = (i: number): FormulaValue => {
      const list = args[i];
      if (list?.length !== 1) throw new CannotTell(`${name} argument`);
      return list[0]!;
    };
    const numbers = (): number[] =>
      args.flatMap((list) =>
        list.length === 1
          ? [toNumber(list[0]!)]
          : list.filter((v) => typeof v === 'number' || isError(v)).map(toNumber),
      );
    return guard(() => {
      switch (name) {
        case 'ROUND':
          if (args.length !== 2) throw new CannotTell(name);
          return round(toNumber(one(0)), toNumber(one(1)));
        case 'SUM':
          return numbers().reduce((a, b) => a + b, 0);
        case 'MIN':
          return numbers().length === 0 ? 0 : Math.min(...numbers());
        case 'MAX':
          return numbers().length === 0 ? 0 : Math.max(...numbers());
        case 'ABS':
          return Math.abs(toNumber(one(0)));
        case 'AND':
          return args.flat().every(toBoolean);
        case 'OR':
          return args.flat().some(toBoolean);
        case 'NOT':
          return !toBoolean(one(0));
        default:
          throw new CannotTell(name);
      }
    });
  }

  /** An error in the branch IF does not take is a value like any other, and is dropped. */
  private callIf(): FormulaValue {
    this.expect('(');
    const condition = this.comparison();
    this.expect(',');
    const yes = this.comparison();
    let no: FormulaValue = false;
    if (this.peekOp(',')) {
      this.at++;
      no = this.comparison();
    }
    this.expect(')');
    return guard(() => (toBoolean(condition) ? yes : no));
  }
}

/** Runs a step; an Excel error raised in it becomes the step's value. */
function guard(step: () => FormulaValue): FormulaValue {
  try {
    return step();
  } catch (error) {
    if (error instanceof ErrorValue) return errorOf(error.error);
    throw error;
  }
}

/**
 * The value Excel would compute for `formula` (with or without its "="), or undefined when the
 * formula uses what this does not know (other sheets, names, other functions), anywhere in it.
 */
export function formulaResult(formula: string, lookup: CellLookup): FormulaValue | undefined {
  try {
    return new Evaluator(tokenize(formula.replace(/^=/, '')), lookup).run();
  } catch (error) {
    if (error instanceof CannotTell || error instanceof ErrorValue) {
      return error instanceof ErrorValue ? errorOf(error.error) : undefined;
    }
    throw error;
  }
}
