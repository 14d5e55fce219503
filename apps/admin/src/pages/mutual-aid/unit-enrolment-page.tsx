import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Result, Space, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { usePermission, useSession } from '../../hooks/use-session';
import { PlanCard } from './plan-card';
import { RosterPanel } from './roster-panel';
import { UnitEnrolments } from './unit-enrolments';
import { usePlans } from './use-plans';

const BASE_KINDS = new Set(['base_union', 'joint_union']);

/**
 * 互助保障【线上普惠】→ 单位入会 (seed 000 第二步、第三步): the unit's list, live from the member
 * registry, submitted in one action with operator, phone and note; then its review status, trail,
 * withdrawal before approval, the contract after it, and 补充入会 for members who came later.
 */
export function UnitEnrolmentPage() {
  const session = useSession();
  const canWrite = usePermission('mutualAid.write');
  const post = session.activePost!;
  const { items, year, setYear, plan, plans } = usePlans();
  const [openId, setOpenId] = useState<string | null>(null);

  if (!BASE_KINDS.has(post.orgKind))
    return (
      <PageContainer title="单位入会" breadcrumb={{ items: [{ title: '互助保障【线上普惠】' }, { title: '单位入会' }] }}>
        <Card>
          <Result
            status="info"
            title="单位入会由基层工会办理"
            subTitle={`${post.orgName}负责审核下级单位的入会申请（见“审核待办”），并可在“入会汇总”中查看各单位的入会人数和金额。`}
            extra={
              <Space>
                <Link to="/reviews">
                  <Button type="primary">审核待办</Button>
                </Link>
                <Link to="/mutual-aid/enrolments">
                  <Button>入会汇总</Button>
                </Link>
              </Space>
            }
          />
        </Card>
      </PageContainer>
    );

  return (
    <PageContainer
      title="单位入会"
      breadcrumb={{ items: [{ title: '互助保障【线上普惠】' }, { title: '单位入会' }] }}
      content="名单为本单位会籍状态为“入会、转入”的在职职工会员，实时读取会员库：会员信息修改、转会审核通过后立即生效，无需等到次日。会籍状态为“转出、保留”的人员不在名单中。核对名单后点击“一键提交”，填写操作人、手机号、申请备注后立即申请，名单即报上级工会审核。"
    >
      <Card style={{ marginBottom: 16 }} loading={plans.isLoading}>
        <PlanCard plan={plan} years={items.map((p) => p.year)} year={year} onYear={setYear} />
      </Card>
      {plan && (
        <>
          <UnitEnrolments orgId={post.orgId} year={year} canWrite={canWrite} openId={openId} onOpen={setOpenId} />
          <Tabs
            type="card"
            items={[
              { key: 'annual', label: '单位入会', children: <RosterPanel orgId={post.orgId} year={year} kind="annual" canWrite={canWrite} onSubmitted={(d) => setOpenId(d.id)} /> },
              { key: 'supplementary', label: '补充入会', children: <RosterPanel orgId={post.orgId} year={year} kind="supplementary" canWrite={canWrite} onSubmitted={(d) => setOpenId(d.id)} /> },
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}
