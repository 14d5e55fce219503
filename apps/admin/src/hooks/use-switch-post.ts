import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth';
import { errorMessage } from '../api/client';
import { postLabel } from '../utils/labels';
import { useApplySession } from './use-session';

/** Switches the active post; every cached answer belongs to the old post, so all are dropped. */
export function useSwitchPost() {
  const applySession = useApplySession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (postId: string) => authApi.switchPost({ postId }),
    onSuccess: (session) => {
      applySession(session, { resetData: true });
      navigate('/', { replace: true });
      if (session.activePost) message.success(`已切换到岗位：${postLabel(session.activePost)}`);
    },
    onError: (error) => message.error(errorMessage(error)),
  });
}
