import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.js';
import { renderContract, type ContractData } from './contract-pdf.js';
import { subsetFor } from './cjk-font.js';

const base: ContractData = {
  contractNo: 'JNHZ2026-000042',
  year: 2026,
  kind: 'annual',
  planTitle: '2026年度济南市职工互助保障计划',
  coverage: '住院医疗互助、重大疾病互助',
  orgName: '济南槐荫机械制造有限公司工会',
  parentOrgName: '段店北路街道总工会',
  memberCount: 3,
  contributionFen: 3000,
  amountFen: 9000,
  coverFrom: '2026-03-02',
  coverTo: '2026-12-31',
  approvedOn: '2026-03-01',
  operatorName: '褚经办',
  members: [
    { memberNo: '1000000001', name: '王堃' },
    { memberNo: '1000000002', name: '高喾' },
    { memberNo: '1000000003', name: '李喆' },
  ],
};

describe('the contract PDF', () => {
  it('draws rare characters of names with the font subset that has them, so they are neither lost nor boxes', async () => {
    // 喾 is outside the common-character file (in one of the numbered subsets); 堃 and 喆 are in it.
    expect(subsetFor('堃'.codePointAt(0)!)).toBe('chinese-simplified');
    expect(subsetFor('喾'.codePointAt(0)!)).toMatch(/^\d+$/);
    const pdf = await renderContract(base);
    const text = await pdfText(pdf);
    for (const name of ['王堃', '高喾', '李喆']) expect(text).toContain(name);
    expect(text).toContain('人民币玖拾元整（¥90.00）');
    expect(text).toContain('2026年3月2日至2026年12月31日');
    // More than one embedded (subset) font: the rare characters' own.
    expect(pdf.toString('latin1').match(/\/FontFile2/g)!.length).toBeGreaterThan(1);
  });

  it('stays small with a large unit: 1,500 members in the annex', async () => {
    const members = Array.from({ length: 1500 }, (_, i) => ({ memberNo: String(1000000001 + i), name: ['张伟', '李秀英', '欧阳娜娜', '褚亮'][i % 4] }));
    const pdf = await renderContract({ ...base, memberCount: 1500, amountFen: 4_500_000, members });
    expect(pdf.length).toBeLessThan(200_000);
    const text = await pdfText(pdf);
    expect(text).toContain('人民币肆万伍仟元整（¥45,000.00）');
    expect(text).toContain('1500. 褚亮 1000001500');
  });
});
