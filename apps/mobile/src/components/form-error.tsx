import { ExclamationCircleFill } from 'antd-mobile-icons';

/** A form's answer from the server, in full (a lockout says how long; no match says what to do). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert" data-testid="form-error">
      <ExclamationCircleFill />
      <span>{message}</span>
    </div>
  );
}
