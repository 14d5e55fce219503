import { Button } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import type { AuditVerifyState } from '../../hooks/use-audit-verify';

export function AuditVerifyButton({ verify }: { verify: AuditVerifyState }) {
  return (
    <Button icon={<SafetyOutlined />} onClick={() => verify.mutate()} loading={verify.isPending}>
      校验审计链
    </Button>
  );
}
