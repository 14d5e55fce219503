import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** The form-level error line, shown above a form's buttons. */
export function FormAlert({ message, action }: { message: string | null; action?: ReactNode }) {
  if (!message) return null;
  return <Alert type="error" showIcon message={message} action={action} style={{ marginBottom: 16 }} role="alert" />;
}
