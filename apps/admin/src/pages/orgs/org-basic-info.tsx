import { Descriptions, Space, Tag } from 'antd';
import { baseUnionTypeLabels, orgKindLabels, type OrgDetail } from '@gonghui/contracts';
import { OrgStatusTag } from '../../components/org-status-tag';
import { UsccWarningTag } from '../../components/uscc-warning-tag';
import { formatDate, formatDateTime, orDash, yesNo } from '../../utils/format';

/** 基本信息: the organisation's fields with the labels of the filing form. */
export function OrgBasicInfo({ org }: { org: OrgDetail }) {
  return (
    <Descriptions bordered column={2} size="middle" styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="工会名称" span={2}>
        {org.name}
      </Descriptions.Item>
      <Descriptions.Item label="组织类型">{orgKindLabels[org.kind]}</Descriptions.Item>
      <Descriptions.Item label="上级组织">{orDash(org.parentName)}</Descriptions.Item>
      <Descriptions.Item label="组织机构代码">
        <Space size={6}>
          <span className="mono">{org.orgCode}</span>
          {org.orgCodeVirtual && <Tag color="blue">系统生成的虚拟代码</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">
        <Space size={6}>
          <span className="mono">{orDash(org.uscc)}</span>
          {org.usccCheckFailed && <UsccWarningTag />}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="建会日期">{formatDate(org.foundedOn)}</Descriptions.Item>
      <Descriptions.Item label="换届日期">{formatDate(org.termRenewalOn)}</Descriptions.Item>
      <Descriptions.Item label="基层工会类型">{org.baseUnionType ? baseUnionTypeLabels[org.baseUnionType] : '—'}</Descriptions.Item>
      <Descriptions.Item label="是否合并工会">{yesNo(org.mergedUnion)}</Descriptions.Item>
      <Descriptions.Item label="工会负责人">{orDash(org.chairName)}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{orDash(org.phone)}</Descriptions.Item>
      <Descriptions.Item label="职工人数">{orDash(org.headcount)}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <OrgStatusTag status={org.status} />
      </Descriptions.Item>
      <Descriptions.Item label="下级组织数">{org.childCount}</Descriptions.Item>
      <Descriptions.Item label="单位数">{org.workUnitCount}</Descriptions.Item>
      <Descriptions.Item label="地址" span={2}>
        {orDash(org.address)}
      </Descriptions.Item>
      <Descriptions.Item label="创建时间">{formatDateTime(org.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="最后修改时间">{formatDateTime(org.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
