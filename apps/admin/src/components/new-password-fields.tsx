import { Form, Input } from 'antd';
import { passwordPolicyRule, sameAsRule } from '../utils/rules';

interface Props {
  /** The form field for the new password; the confirmation is always `confirmPassword`. */
  name?: string;
  label?: string;
  confirmLabel?: string;
  /**
   * The username the policy forbids inside the password: a fixed value, or the form field
   * that holds it (then the password is re-checked when the username changes).
   */
  username: { value: string } | { field: string };
  size?: 'large';
}

/** New password + its confirmation, checked with the shared password policy before the server sees them. */
export function NewPasswordFields({ name = 'newPassword', label = '新密码', confirmLabel = '确认新密码', username, size }: Props) {
  const form = Form.useFormInstance();
  const getUsername = () => ('value' in username ? username.value : form.getFieldValue(username.field));
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        required
        dependencies={'field' in username ? [username.field] : undefined}
        rules={[passwordPolicyRule(getUsername)]}
      >
        <Input.Password size={size} autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Form.Item
        label={confirmLabel}
        name="confirmPassword"
        required
        dependencies={[name]}
        rules={[sameAsRule(() => form.getFieldValue(name))]}
      >
        <Input.Password size={size} autoComplete="new-password" maxLength={64} />
      </Form.Item>
    </>
  );
}
