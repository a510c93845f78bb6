import fc from 'fast-check';
import { Token, XmlError, XmlScanner, decodeText } from '../../../../src/hosts/xlsx/lean/xml';

/**
 * The scanner's ways of reading attributes without an object per tag give what a tag's
 * attributes have always read as (the oracle below is the scanner's earlier reading), and refuse
 * the same tags with the same message.
 */

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function oracleValue(raw: string): string {
  let text = raw;
  if (/[\t\n\r]/.test(text)) text = text.replace(/\r\n|[\t\n\r]/g, ' ');
  return text.replace(/&([^;&<]*);|&/g, (whole, reference: string | undefined) => {
    if (reference === undefined) throw new XmlError('a bare "&" in an attribute');
    if (reference.startsWith('#')) {
      const hex = reference[1] === 'x';
      const digits = reference.slice(hex ? 2 : 1);
      const code = parseInt(digits, hex ? 16 : 10);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || !(code >= 0 && code <= 0x10ffff))
        throw new XmlError(`bad character reference &${reference};`);
      return String.fromCodePoint(code);
    }
    const text = entities[reference];
    if (text === undefined) throw new XmlError(`undefined entity &${reference};`);
    return text;
  });
}

/** The attributes of `<tag …>`, read one by one into a plain object. */
function oracle(name: string, body: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    if (/[ \t\n\r]/.test(body[i]!)) {
      i++;
      continue;
    }
    const eq = body.indexOf('=', i);
    if (eq < 0) throw new XmlError(`an attribute without a value in <${name}>`);
    const key = body.slice(i, eq).trim();
    let q = eq + 1;
    while (q < body.length && body[q] !== '"' && body[q] !== "'") {
      if (!/[ \t\n\r]/.test(body[q]!)) throw new XmlError(`an unquoted attribute in <${name}>`);
      q++;
    }
    const close = q < body.length ? body.indexOf(body[q]!, q + 1) : -1;
    if (close < 0) throw new XmlError(`an unquoted attribute in <${name}>`);
    if (key in out) throw new XmlError(`attribute ${key} given twice in <${name}>`);
    out[key] = oracleValue(body.slice(q + 1, close));
    i = close + 1;
  }
  return out;
}

type Outcome = { values: (string | undefined)[]; integers: number[] } | { error: string };

const wanted = ['r', 's', 't', 'toString', 'x y'];

function viaOracle(body: string): Outcome {
  try {
    const a = oracle('c', body);
    const values = wanted.map((key) => (Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined));
    return { values, integers: values.map((v) => parseInt(v as string, 10)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function viaSlots(body: string): Outcome {
  const scanner = new XmlScanner(`<c${body}>`);
  scanner.next();
  try {
    scanner.readAttributes(wanted);
    const values = wanted.map((_, slot) => scanner.value(slot));
    expect(wanted.map((_, slot) => scanner.given(slot))).toEqual(values.map((v) => v !== undefined));
    return { values, integers: wanted.map((_, slot) => scanner.integer(slot)) };
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { error: error.message };
  }
}

function viaObject(body: string): Outcome {
  const scanner = new XmlScanner(`<c${body}>`);
  scanner.next();
  try {
    const a = scanner.attributes();
    const values = wanted.map((key) => (Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined));
    return { values, integers: values.map((v) => parseInt(v as string, 10)) };
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { error: error.message };
  }
}

function opens(body: string): boolean {
  try {
    new XmlScanner(`<c${body}>`).next();
    return true;
  } catch {
    return false;
  }
}

function expectAsOracle(body: string): void {
  const expected = viaOracle(body);
  expect([body, viaSlots(body)]).toEqual([body, expected]);
  expect([body, viaObject(body)]).toEqual([body, expected]);
}

describe('attributes read into slots', () => {
  it('read what the attributes always read as', () => {
    expectAsOracle(' r="B7" s="3" t="s"');
    expectAsOracle(" t='str' r = 'AA10'");
    expectAsOracle(' r="A1\t" s="0012" t="a&amp;b"');
    expectAsOracle(' r="A&#49;" s="\r\n7" t="&lt;&gt;&quot;&apos;"');
    expectAsOracle(' s="-4" r="$C$9" toString2="1" x y="2"');
    expectAsOracle(' s="12345678901234567890" r="1e3"');
    expectAsOracle(' s="" r="" t=""');
    expectAsOracle(' \u00a0r\u00a0="5"');
  });

  it('refuse what the attributes always refused, with the same message', () => {
    for (const body of [
      ' r="A1" r="A2"',
      ' s="1" r="A1" s="2"',
      ' toString="1"',
      ' __proto__="1"',
      ' constructor="x"',
      ' r=A1',
      ' r="A1" x',
      ' r',
      ' r="&bogus;" s=x',
      ' s=x r="&bogus;"',
      ' r="&"',
      ' r="&#xZZ;"',
      ' r="A1" r="&bogus;"',
      ' r="&bogus;" r="A1"',
    ]) {
      expect([body, viaSlots(body)]).toEqual([body, viaOracle(body)]);
      expect('error' in viaSlots(body)).toBe(true);
    }
  });

  it('agree with the oracle on any tag made of these pieces', () => {
    const piece = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      'r',
      's',
      't',
      'x y',
      'toString',
      '=',
      '"',
      "'",
      'A1',
      '$',
      '12',
      '-',
      '&amp;',
      '&',
      '&#65;',
      ';',
      '\r\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const body = ' ' + pieces.join('');
        // A quote left open hides the tag's ">": no tag to read attributes of.
        fc.pre(opens(body));
        const expected = viaOracle(body);
        expect(viaSlots(body)).toEqual(expected);
        expect(viaObject(body)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Every token after the first Open, with the text and names it gives. */
function tokens(scanner: XmlScanner): string[] {
  const out: string[] = [];
  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    out.push(token === Token.Text ? `text ${scanner.text()}` : `${token} ${scanner.name}`);
  }
  return out;
}

describe('a plain child read in one step', () => {
  it('gives the text the tokens give, and the scanner goes on where they would', () => {
    const read = (xml: string): [string | undefined, string[]] => {
      const scanner = new XmlScanner(xml);
      scanner.next();
      return [scanner.plainChildText('v'), tokens(scanner)];
    };
    const viaTokens = (xml: string): string[] => {
      const scanner = new XmlScanner(xml);
      scanner.next();
      return tokens(scanner);
    };
    const xml = '<c r="A1"><v>12.5</v></c>';
    expect(read(xml)).toEqual(['12.5', [`${Token.Close} c`]]);
    expect(viaTokens(xml)).toEqual([`${Token.Open} v`, 'text 12.5', `${Token.Close} v`, `${Token.Close} c`]);
    expect(read('<c><v>a > b</v><f>x</f></c>')).toEqual([
      'a > b',
      [`${Token.Open} f`, 'text x', `${Token.Close} f`, `${Token.Close} c`],
    ]);
    // Anything but plain text is left to the tokens, untouched.
    for (const other of [
      '<c><v></v></c>',
      '<c><v>a&amp;b</v></c>',
      '<c><v>a\r\nb</v></c>',
      '<c><v><![CDATA[1]]></v></c>',
      '<c><v>1</v ></c>',
      '<c><v x="1">1</v></c>',
      '<c><vv>1</vv></c>',
      '<c><v/></c>',
      '<c><f>1</f><v>2</v></c>',
      '<c><v>1</w></c>',
      '<c><v>1',
      '<c/>',
    ]) {
      let viaTokensResult: string[] | string;
      try {
        viaTokensResult = viaTokens(other);
      } catch (error) {
        viaTokensResult = (error as Error).message;
      }
      let readResult: [string | undefined, string[] | string];
      const scanner = new XmlScanner(other);
      scanner.next();
      const text = scanner.plainChildText('v');
      try {
        readResult = [text, tokens(scanner)];
      } catch (error) {
        readResult = [text, (error as Error).message];
      }
      expect([other, readResult]).toEqual([other, [undefined, viaTokensResult]]);
    }
    expect(decodeText('a\r\nb')).toBe('a\nb');
  });
});

describe('end tags', () => {
  const read = (xml: string): string[] | string => {
    try {
      return tokens(new XmlScanner(xml));
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('close the element open, written plainly or with trailing spaces', () => {
    expect(read('<a><b>x</b ></a>')).toEqual([
      `${Token.Open} a`,
      `${Token.Open} b`,
      'text x',
      `${Token.Close} b`,
      `${Token.Close} a`,
    ]);
  });

  it('refuse a name that is not the one open, or an end tag never closed', () => {
    expect(read('<a><b></a></b>')).toBe('</a> closes <b>');
    expect(read('<a></ab>')).toBe('</ab> closes <a>');
    expect(read('<a></a')).toBe('an end tag is never closed');
    // A name that holds ">" (inside quotes when opened) ends its end tag at that ">".
    expect(read('<a"b>c"></a"b>c">')).toBe('</a"b> closes <a"b>c">');
  });
});
