import { describe, it, expect } from '@jest/globals';
import { checkPercent, parsePercent } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

describe('parsePercent', () => {
  it('reads 25% and fractions as fractions', () => {
    expect(parsePercent('25%')).toBe(0.25);
    expect(parsePercent('12.5%')).toBe(0.125);
    expect(parsePercent(' 80 % ')).toBe(0.8);
    expect(parsePercent('100%')).toBe(1);
    expect(parsePercent('0%')).toBe(0);
    expect(parsePercent(0.25)).toBe(0.25);
    expect(parsePercent(1)).toBe(1);
    expect(parsePercent(0)).toBe(0);
  });

  it('asks whether a bare number above 1 meant a percent', () => {
    expect(() => parsePercent(25)).toThrow(new ConfigError('25 is not a fraction between 0 and 1; did you mean 25%?'));
    expect(() => parsePercent(80, 'teams.support.warn_at')).toThrow(
      'teams.support.warn_at: 80 is not a fraction between 0 and 1; did you mean 80%?',
    );
    expect(() => parsePercent(100)).toThrow('100 is not a fraction between 0 and 1; did you mean 100%?');
  });

  it('refuses values above 100%, negative values and other text', () => {
    expect(() => parsePercent('150%')).toThrow('150% is above 100%');
    expect(() => parsePercent(150)).toThrow('150 is above 100%; a percent is written 25% or as a fraction 0.25');
    expect(() => parsePercent(-0.1)).toThrow('-0.1 is negative; a percent is between 0% and 100%');
    expect(() => parsePercent('-5%')).toThrow('"-5%" is not a percent; write it as 25% or as a fraction 0.25');
    expect(() => parsePercent('0.25')).toThrow('"0.25" is not a percent; write it as 25% or as a fraction 0.25');
    expect(() => parsePercent(true)).toThrow('true is not a percent; write it as 25% or as a fraction 0.25');
    expect(() => parsePercent(Number.NaN)).toThrow('NaN is not a percent; write e.g. 25% or 0.25');
  });

  it('throws a ConfigError with a hint', () => {
    let caught: unknown;
    try {
      parsePercent(25);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).hint).toBe(
      'A percent is written 25% (quoted or not) or as a fraction between 0 and 1 (0.25).',
    );
  });
});

describe('checkPercent', () => {
  it('returns the fraction or the problem without throwing', () => {
    expect(checkPercent('15%')).toEqual({ fraction: 0.15 });
    expect(checkPercent(15)).toEqual({ problem: '15 is not a fraction between 0 and 1; did you mean 15%?' });
  });
});
