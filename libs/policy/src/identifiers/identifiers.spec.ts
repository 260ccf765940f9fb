import { makeCreditCode, makeResidentId, validateCreditCode, validateResidentId } from '.';

describe('resident identity number (GB 11643-1999)', () => {
  it('given the standard example 11010519491231002X, it is valid: born 1949-12-31, female', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31', sex: 'F' });
  });
  it('given 440524188001010014, it is valid: born 1880-01-01, male', () => {
    expect(validateResidentId('440524188001010014')).toEqual({ ok: true, birthDate: '1880-01-01', sex: 'M' });
  });
  it('accepts a lower-case x', () => {
    expect(validateResidentId('11010519491231002x').ok).toBe(true);
  });
  it('names the right check character when it is wrong', () => {
    expect(validateResidentId('110105194912310023')).toEqual({
      ok: false,
      reason: 'check character should be X, not 3',
    });
    expect(validateResidentId('440524188001010015')).toEqual({
      ok: false,
      reason: 'check character should be 4, not 5',
    });
  });
  it('rejects an impossible birth date', () => {
    expect(validateResidentId('11010519491331002X')).toEqual({
      ok: false,
      reason: 'birth date 19491331 is not a real date',
    });
    expect(validateResidentId('110105202102290020')).toEqual({
      ok: false,
      reason: 'birth date 20210229 is not a real date',
    });
  });
  it('rejects wrong length and non-digits', () => {
    expect(validateResidentId('11010519491231002')).toEqual({ ok: false, reason: 'must be 18 characters, not 17' });
    expect(validateResidentId('1101051949123100AX')).toEqual({
      ok: false,
      reason: 'the first 17 characters must be digits',
    });
  });
  it('makeResidentId appends the correct check character', () => {
    expect(makeResidentId('110105', '1949-12-31', '002')).toBe('11010519491231002X');
    expect(makeResidentId('440524', '1880-01-01', 1)).toBe('440524188001010014');
    const id = makeResidentId('610102', '1990-02-28', 37);
    expect(validateResidentId(id)).toEqual({ ok: true, birthDate: '1990-02-28', sex: 'M' });
    expect(() => makeResidentId('610102', '1990-02-30', 1)).toThrow(RangeError);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91512081MA62K0260E', '11320000MB151840XJ'])('given %s, it is valid', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });
  it('given 91350100M000100Y4Z, the check character should be 3', () => {
    expect(validateCreditCode('91350100M000100Y4Z')).toEqual({
      ok: false,
      reason: 'check character should be 3, not Z',
    });
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true });
  });
  it('rejects letters outside the alphabet, wrong length and a non-numeric area code', () => {
    expect(validateCreditCode('91512081MI62K0260E')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('character 10 ("I") is not allowed'),
    });
    expect(validateCreditCode('91512081MA62K026')).toEqual({ ok: false, reason: 'must be 18 characters, not 16' });
    expect(validateCreditCode('915A2081MA62K0260E')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('area code'),
    });
  });
  it('makeCreditCode appends the correct check character, including 0 when 31 - sum mod 31 = 31', () => {
    expect(makeCreditCode('91512081MA62K0260')).toBe('91512081MA62K0260E');
    expect(makeCreditCode('11320000MB151840X')).toBe('11320000MB151840XJ');
    for (let seq = 0; seq < 200; seq++) {
      expect(validateCreditCode(makeCreditCode(`91610102MA${String(seq).padStart(7, '0')}`)).ok).toBe(true);
    }
    expect(() => makeCreditCode('91610102MA000000O')).toThrow(RangeError);
  });
});
