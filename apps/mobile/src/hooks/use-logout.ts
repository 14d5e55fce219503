import { Dialog, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../api/endpoints';
import { useSetSession } from './session';

/** 退出登录 after a confirmation; back to 登录 either way (a session already gone has nothing to end). */
export function useLogout() {
  const setSession = useSetSession();
  const navigate = useNavigate();
  return async () => {
    if (!(await Dialog.confirm({ content: '确定退出登录吗？', confirmText: '退出', cancelText: '取消' }))) return;
    try {
      await authApi.logout();
    } catch {
      // Gone already: nothing left to end.
    }
    setSession(null);
    Toast.show({ content: '已退出登录' });
    navigate('/login', { replace: true });
  };
}
