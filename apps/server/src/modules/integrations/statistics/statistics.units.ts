import { makeUscc, seededRandom } from '@gonghui/contracts';
import type { UnitRecord } from './statistics.registry.js';

/**
 * The units the simulated statistics database knows: the same list on every run, so a demo or
 * a test can name one. Their codes are valid GB 32100 codes registered in Jinan (3701xx).
 */
const seeds: [name: string, economicType: string, industry: string, district: string, street: string, address: string][] = [
  ['济南趵突泉智能科技有限公司', '有限责任公司', '信息传输、软件和信息技术服务业', '历下区', '泉城路街道', '济南市历下区泉城路188号'],
  ['济南芙蓉街文化传播有限公司', '私营企业', '文化、体育和娱乐业', '历下区', '泉城路街道', '济南市历下区芙蓉街56号'],
  ['山东明湖环保工程有限公司', '有限责任公司', '水利、环境和公共设施管理业', '历下区', '大明湖街道', '济南市历下区明湖路271号'],
  ['济南大明湖酒店管理有限公司', '私营企业', '住宿和餐饮业', '历下区', '大明湖街道', '济南市历下区大明湖路12号'],
  ['济南大观园百货有限公司', '股份有限公司', '批发和零售业', '市中区', '大观园街道', '济南市市中区经四路大观园1号'],
  ['济南经四路精密机械有限公司', '私营企业', '制造业', '市中区', '大观园街道', '济南市市中区经四路300号'],
  ['济南段店物流有限公司', '有限责任公司', '交通运输、仓储和邮政业', '槐荫区', '段店北路街道', '济南市槐荫区段店北路88号'],
  ['山东槐荫建设工程有限公司', '有限责任公司', '建筑业', '槐荫区', '段店北路街道', '济南市槐荫区经十路22799号'],
  ['济南泉水人家餐饮有限公司', '个体经营', '住宿和餐饮业', '历下区', '泉城路街道', '济南市历下区县西巷9号'],
  ['济南千佛山医疗器械有限公司', '外商投资企业', '制造业', '历下区', '大明湖街道', '济南市历下区千佛山路15号'],
  ['济南黑虎泉数据服务有限公司', '私营企业', '信息传输、软件和信息技术服务业', '市中区', '大观园街道', '济南市市中区纬二路51号'],
  ['济南五龙潭会计师事务所', '其他', '租赁和商务服务业', '槐荫区', '段店北路街道', '济南市槐荫区西市场街道1号'],
];

export function knownUnits(): UnitRecord[] {
  const rnd = seededRandom(20260401);
  return seeds.map(([name, economicType, industry, district, street, address]) => {
    // 91 (enterprise, industrial-commercial) + 370102 (Jinan) + 9 body characters + check.
    const body = Array.from({ length: 9 }, () => '0123456789ABCDEFGHJKLMNPQRTUWXY'[rnd.int(0, 30)]).join('');
    return { name, uscc: makeUscc(`91370102${body}`), economicType, industry, address, district, street };
  });
}
