import { Alert } from 'antd';
import { passwordPolicy } from '@gonghui/contracts';

/** The password policy in words (SECURITY.md); the server enforces it. */
export function PasswordRules() {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 20 }}
      message="密码安全要求"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          <li>
            长度{passwordPolicy.minLength}–{passwordPolicy.maxLength}位；
          </li>
          <li>至少包含大写字母、小写字母、数字、符号中的{passwordPolicy.minClasses}类；</li>
          <li>不得包含用户名；</li>
          <li>不得使用常见弱密码（如 gh123456、Password1）。</li>
        </ul>
      }
    />
  );
}
