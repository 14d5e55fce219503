import { Alert } from 'antd';
import { errorMessage } from '../../api/client';
import type { AuditVerifyState } from '../../hooks/use-audit-verify';

/** The verdict: green when the chain is whole, red with the first broken record otherwise. */
export function AuditVerifyResult({ verify }: { verify: AuditVerifyState }) {
  const result = verify.data;
  if (verify.isError)
    return <Alert style={{ marginBottom: 16 }} type="error" showIcon message="校验失败" description={errorMessage(verify.error)} />;
  if (!result) return null;
  return result.ok ? (
    <Alert
      style={{ marginBottom: 16 }}
      type="success"
      showIcon
      closable
      message="审计链完整"
      description={`已校验 ${result.checked} 条记录，未发现篡改或缺失。`}
      data-testid="audit-verify-result"
    />
  ) : (
    <Alert
      style={{ marginBottom: 16 }}
      type="error"
      showIcon
      message="审计链校验未通过"
      description={`已校验 ${result.checked} 条记录${result.brokenAtSeq != null ? `，自第 ${result.brokenAtSeq} 号记录起链条断裂` : ''}${result.reason ? `：${result.reason}` : ''}。请立即报告安全管理员。`}
      data-testid="audit-verify-result"
    />
  );
}
