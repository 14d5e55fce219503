import { describe, expect, it } from 'vitest';
import { fail } from './result.js';

describe('fail', () => {
  it('builds the failure shape', () => {
    expect(fail('请填写')).toEqual({ ok: false, reason: '请填写' });
  });
});
