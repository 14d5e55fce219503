import { useMutation } from '@tanstack/react-query';
import { auditApi } from '../api/audit';

/** The "校验审计链" action: the server recomputes the HMAC chain. */
export function useAuditVerify() {
  return useMutation({ mutationFn: auditApi.verify });
}

export type AuditVerifyState = ReturnType<typeof useAuditVerify>;
