import { DrawerForm, type DrawerFormProps } from '@ant-design/pro-components';

/**
 * The drawer every organisation form opens in: same width, vertical layout and 保存/取消 buttons.
 * A half-filled form is not lost to a stray click on the mask, and closing it discards the form.
 */
export function FormDrawer(props: DrawerFormProps) {
  return (
    <DrawerForm
      width={640}
      layout="vertical"
      drawerProps={{ maskClosable: false, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      {...props}
    />
  );
}
