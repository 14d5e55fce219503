import { Descriptions, Select, Space } from 'antd';
import { formatYuan, MUTUAL_AID_ASSOCIATION, type MutualAidPlan } from '@gonghui/contracts';

/** The year's plan as a unit reads it before enrolling: what members are covered for and what it costs. */
export function PlanCard({ plan, years, year, onYear }: { plan: MutualAidPlan | undefined; years: number[]; year: number; onYear: (y: number) => void }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={3}
      title={
        <Space>
          <span>保障年度</span>
          <Select
            value={year}
            style={{ width: 120 }}
            onChange={onYear}
            options={(years.length ? years : [year]).map((y) => ({ value: y, label: `${y}年度` }))}
            data-testid="mutual-aid-year"
          />
        </Space>
      }
      items={
        plan
          ? [
              { key: 'title', label: '保障计划', children: plan.title, span: 2 },
              { key: 'who', label: '互助保障方', children: MUTUAL_AID_ASSOCIATION },
              { key: 'coverage', label: '保障内容', children: plan.coverage, span: 3 },
              { key: 'fee', label: '每人缴费', children: `${formatYuan(plan.contributionFen)} 元` },
              { key: 'window', label: '单位入会开放时间', children: `${plan.enrolFrom} 至 ${plan.enrolTo}` },
              { key: 'cover', label: '保障期至', children: plan.coverTo },
            ]
          : [{ key: 'none', label: '保障计划', children: `${year}年度的职工互助保障计划尚未发布` }]
      }
    />
  );
}
