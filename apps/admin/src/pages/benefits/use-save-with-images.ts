import { App, type FormInstance } from 'antd';
import { useRef } from 'react';
import { errorMessage } from '../../api/client';
import { changedFields } from '../../utils/diff';
import { useVersionedSave } from '../orgs/use-versioned-save';

type Values = Record<string, unknown>;

export interface ImageField<T> {
  /** The form field holding a newly picked File. */
  field: string;
  label: string;
  upload: (id: string, file: File) => Promise<T>;
}

interface Options<T extends { id: string; version: number }> {
  form: FormInstance;
  record: T | null;
  toFormValues: (record: T) => Values;
  send: (body: Values) => Promise<T>;
  reload: () => Promise<T | undefined>;
  images: ImageField<T>[];
  onSaved: (saved: T) => void;
}

/**
 * A drawer form with image fields (营业执照, Logo, 封面): the record's fields are saved under
 * optimistic locking (useVersionedSave), then each newly picked image is uploaded to the saved
 * record, since an upload needs its id. Changing only an image uploads just that.
 */
export function useSaveWithImages<T extends { id: string; version: number }>({ form, record, toFormValues, send, reload, images, onSaved }: Options<T>) {
  const { message } = App.useApp();
  const saved = useRef<T | null>(null);
  const save = useVersionedSave<T>({ form, record, toFormValues, send, reload, onSaved: (r) => void (saved.current = r) });

  const onFinish = async (values: Values): Promise<boolean> => {
    const fields: Values = { ...values };
    const picked: [ImageField<T>, File][] = [];
    for (const img of images) {
      const file = fields[img.field];
      delete fields[img.field];
      if (file instanceof File) picked.push([img, file]);
    }
    saved.current = record;
    const fieldsChanged = !record || Object.keys(changedFields(fields, toFormValues(record))).length > 0;
    if (fieldsChanged || picked.length === 0) {
      if (!(await save.onFinish(fields))) return false;
    }
    let result = saved.current!;
    for (const [img, file] of picked) {
      try {
        result = await img.upload(result.id, file);
        if (!fieldsChanged) message.success(`${img.label}已更新`);
      } catch (e) {
        message.error(`已保存，但${img.label}上传失败：${errorMessage(e)}。请在“编辑”中重新上传。`, 6);
      }
    }
    onSaved(result);
    return true;
  };
  return { onFinish, alert: save.alert };
}
