import { describe, expect, it } from 'vitest';
import * as rules from './index.js';

describe('rules index', () => {
  it('re-exports every public rule', () => {
    const expected = [
      'fail',
      'idTypes',
      'idTypeLabels',
      'normalizeIdNumber',
      'computeIdCheck',
      'checkIdNumber',
      'upgradeLegacyIdNumber',
      'makeIdNumber',
      'usccAlphabet',
      'normalizeUscc',
      'computeUsccCheck',
      'makeUscc',
      'checkUscc',
      'isTradeUnionUscc',
      'isBaseUnionUscc',
      'normalizeOrgCode',
      'computeOrgCodeCheck',
      'makeOrgCode',
      'checkOrgCode',
      'normalizePhone',
      'checkPhone',
      'maskPhone',
      'checkLandline',
      'passwordPolicy',
      'passwordReasons',
      'countCharacterClasses',
      'isCommonPassword',
      'checkPassword',
      'commonPasswords',
      'maskMiddle',
      'maskIdNumber',
      'maskBankCard',
      'maskName',
    ];
    for (const name of expected) expect(rules, name).toHaveProperty(name);
  });
});
