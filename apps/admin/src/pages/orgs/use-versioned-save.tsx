import { App, Button, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { FormAlert } from '../../components/form-alert';
import { changedFields, nullifyEmpty } from '../../utils/diff';
import { applyFormError } from '../../utils/form-errors';

type Values = Record<string, unknown>;

interface Options<T extends { version: number }> {
  form: FormInstance;
  /** The record being edited, as loaded; null when creating a new one. */
  record: T | null;
  /** The record as the form shows it (also what an edit is compared with). */
  toFormValues: (record: T) => Values;
  /** Sends the body: an edit's changed fields plus `version`, or a new record's fields. */
  send: (body: Values) => Promise<T>;
  /** Fetches the record as it now is, after someone else saved it first. */
  reload: () => Promise<T | undefined>;
  onSaved: (saved: T) => void;
}

/**
 * Saving a drawer form under optimistic locking. An edit sends only what the user changed
 * plus the version it was loaded at; the server refuses a stale version with CONFLICT, and
 * the form then offers to load the record afresh rather than overwrite someone else's change.
 */
export function useVersionedSave<T extends { version: number }>({ form, record, toFormValues, send, reload, onSaved }: Options<T>) {
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState(record);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const reloadForm = async () => {
    const fresh = await reload();
    if (!fresh) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(fresh));
    setLoaded(fresh);
    setConflict(false);
    setFormError(null);
    message.info('已载入最新数据，请重新修改');
  };

  /** DrawerForm's onFinish: true closes the drawer. */
  const onFinish = async (values: Values): Promise<boolean> => {
    setFormError(null);
    const body = loaded ? changedFields(values, toFormValues(loaded)) : nullifyEmpty(values);
    if (loaded && Object.keys(body).length === 0) {
      message.info('未作任何修改');
      return true;
    }
    try {
      const saved = await send(loaded ? { ...body, version: loaded.version } : body);
      message.success('已保存');
      onSaved(saved);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setConflict(true);
        setFormError('数据已被他人修改，请刷新后重试');
      } else {
        setFormError(applyFormError(form, error));
      }
      return false;
    }
  };

  const alert: ReactNode = (
    <FormAlert
      message={formError}
      action={
        conflict && loaded ? (
          <Button size="small" onClick={() => void reloadForm()}>
            刷新数据
          </Button>
        ) : undefined
      }
    />
  );

  return { onFinish, alert };
}
