import { csvCell, csvDocument } from './csv';

describe('CSV of the exports', () => {
  it('quotes what CSV needs and leaves the rest as it is', () => {
    expect(csvCell('plain 文本')).toBe('plain 文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "yes"')).toBe('"say ""yes"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-12)).toBe('-12');
  });

  it('neutralises a formula in free text, not a negative number', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@sum')).toBe("'@sum");
  });

  it('writes a BOM, CRLF line ends and a final line end', () => {
    expect(
      csvDocument([
        ['rule', '规则'],
        ['A', null],
      ]),
    ).toBe('\uFEFFrule,规则\r\nA,\r\n');
  });
});
