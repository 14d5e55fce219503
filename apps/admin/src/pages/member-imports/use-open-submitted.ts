import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { importTaskKey, type ImportSubmitted } from '../../api/member-imports';

/**
 * After a file or an organisation code was submitted: opens the task's page. When the same file
 * (or code) was already submitted to this union, the server answers with that task instead.
 */
export function useOpenSubmitted() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useCallback(
    ({ task, duplicate }: ImportSubmitted, duplicateNotice: string) => {
      queryClient.setQueryData(importTaskKey(task.id), task);
      if (duplicate) message.info(duplicateNotice);
      else message.success('已提交，系统正在后台校验');
      navigate(`/member-imports/${task.id}`);
    },
    [navigate, queryClient, message],
  );
}
