import {
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  PartitionOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { OrgKind } from '@gonghui/contracts';

const ICONS: Record<OrgKind, typeof BankOutlined> = {
  city_federation: BankOutlined,
  district_federation: ClusterOutlined,
  industry_union: ToolOutlined,
  street_union: EnvironmentOutlined,
  joint_union: PartitionOutlined,
  base_union: HomeOutlined,
  sub_union: TeamOutlined,
};

/** One icon per organisation kind, used in the tree and the detail header. */
export function OrgKindIcon({ kind, muted }: { kind: OrgKind; muted?: boolean }) {
  const Icon = ICONS[kind] ?? HomeOutlined;
  return <Icon style={{ color: muted ? '#bfbfbf' : kind === 'city_federation' ? '#b71c1c' : '#8c5a2b' }} />;
}
