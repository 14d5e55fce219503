import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { activitiesApi, activityKey, type Activity } from '../../api/benefits';
import { reviewCountsKey } from '../../api/reviews';

type Target = { id: string; title: string; version: number };

/** 提交审核 / 开启 / 关闭, from the list and from the detail page alike. */
export function useActivityActions(onDone: (a: Activity) => void) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (t: Target, action: 'submit' | 'open' | 'close') => {
    setBusy(`${t.id}:${action}`);
    try {
      const a = await activitiesApi[action](t.id, t.version);
      qc.setQueryData(activityKey(a.id), a);
      void qc.invalidateQueries({ queryKey: reviewCountsKey });
      message.success(action === 'submit' ? `「${t.title}」已提交上级工会审核` : action === 'open' ? `「${t.title}」已开启，会员手机端可见` : `「${t.title}」已关闭，会员手机端不再显示`);
      onDone(a);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { run, busy: (id: string, action: string) => busy === `${id}:${action}` };
}
