import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  LineOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Tooltip } from 'antd';
import { useEffect, type ReactNode } from 'react';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  id?: string;
}

function ToolButton({ title, active, disabled, onClick, children }: { title: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip title={title} mouseEnterDelay={0.4}>
      <Button type={active ? 'primary' : 'text'} size="small" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick} aria-label={title} aria-pressed={active}>
        {children}
      </Button>
    </Tooltip>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  // Tiptap 3 does not re-render on every keystroke: read the marks the toolbar shows through a selector.
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="rte-toolbar" role="toolbar" aria-label="格式">
      <ToolButton title="加粗" active={s.bold} onClick={() => chain().toggleBold().run()}><BoldOutlined /></ToolButton>
      <ToolButton title="斜体" active={s.italic} onClick={() => chain().toggleItalic().run()}><ItalicOutlined /></ToolButton>
      <ToolButton title="下划线" active={s.underline} onClick={() => chain().toggleUnderline().run()}><UnderlineOutlined /></ToolButton>
      <ToolButton title="删除线" active={s.strike} onClick={() => chain().toggleStrike().run()}><StrikethroughOutlined /></ToolButton>
      <Divider type="vertical" />
      <ToolButton title="大标题" active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}><b>H2</b></ToolButton>
      <ToolButton title="小标题" active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}><b>H3</b></ToolButton>
      <ToolButton title="无序列表" active={s.bullet} onClick={() => chain().toggleBulletList().run()}><UnorderedListOutlined /></ToolButton>
      <ToolButton title="有序列表" active={s.ordered} onClick={() => chain().toggleOrderedList().run()}><OrderedListOutlined /></ToolButton>
      <ToolButton title="引用" active={s.quote} onClick={() => chain().toggleBlockquote().run()}><b>“”</b></ToolButton>
      <ToolButton title="分割线" onClick={() => chain().setHorizontalRule().run()}><LineOutlined /></ToolButton>
      <Divider type="vertical" />
      <ToolButton title="清除格式" onClick={() => chain().unsetAllMarks().clearNodes().run()}><ClearOutlined /></ToolButton>
      <ToolButton title="撤销" disabled={!s.canUndo} onClick={() => chain().undo().run()}><UndoOutlined /></ToolButton>
      <ToolButton title="重做" disabled={!s.canRedo} onClick={() => chain().redo().run()}><RedoOutlined /></ToolButton>
    </div>
  );
}

/**
 * 活动内容: a rich-text field (Tiptap, a maintained ProseMirror editor that supports React 19)
 * with a modest toolbar. Its value is HTML; the server keeps a sanitised copy. Loaded only with
 * the activity form. An empty editor is the empty string, not `<p></p>`.
 */
export default function RichTextEditor({ value, onChange, placeholder, id }: Props) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, code: false, codeBlock: false })],
    content: value ?? '',
    immediatelyRender: true,
    editorProps: { attributes: { class: 'rte-content', 'aria-label': placeholder ?? '活动内容', 'aria-multiline': 'true', role: 'textbox', ...(id ? { id } : {}) } },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  // A value set from outside (form reset, loading the record afresh) replaces the content.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if ((value ?? '') !== current) editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);
  if (!editor) return null;
  return (
    <div className="rte" data-testid="rich-text-editor">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
      {editor.isEmpty && placeholder && <div className="rte-placeholder">{placeholder}</div>}
    </div>
  );
}
