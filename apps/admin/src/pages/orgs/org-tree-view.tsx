import { Alert, Button, Empty, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { allowedChildKinds, type OrgNode } from '@gonghui/contracts';
import { OrgKindIcon } from '../../components/org-kind-icon';
import type { OrgTreeState } from '../../hooks/use-org-tree';

interface Props {
  tree: OrgTreeState;
  selectedId?: string;
  /** Ancestors of the selected organisation, to expand on arrival. */
  ancestorIds: string[];
  onSelect: (id: string) => void;
}

function toDataNode(node: OrgNode, children: Record<string, OrgNode[]>): DataNode {
  const revoked = node.status === 'revoked';
  const loaded = children[node.id];
  return {
    key: node.id,
    title: (
      <span className={revoked ? 'tree-node-revoked' : undefined} title={`${node.name}（${node.orgCode}）`}>
        {node.name}
        {revoked && (
          <Tag bordered={false} style={{ marginLeft: 6 }}>
            已撤销
          </Tag>
        )}
      </span>
    ),
    icon: <OrgKindIcon kind={node.kind} muted={revoked} />,
    // childCount is not trusted to be 0 for "no children" (lazily loaded levels may report 0):
    // a node is a leaf when its kind takes no children or loading its children found none.
    isLeaf: allowedChildKinds[node.kind].length === 0 || (loaded ? loaded.length === 0 : false),
    children: loaded?.map((c) => toDataNode(c, children)),
  };
}

/** The lazy organisation tree: one level per expand, kind icons, revoked ones greyed. */
export function OrgTreeView({ tree, selectedId, ancestorIds, onSelect }: Props) {
  const { roots, children, error, nodesById, loadChildren, loadRoots } = tree;
  const [expanded, setExpanded] = useState<string[]>([]);

  // Open the root once it is there.
  useEffect(() => {
    if (roots?.length) setExpanded((e) => (e.length ? e : roots.map((r) => r.id)));
  }, [roots]);

  // Open the path down to the selected organisation (e.g. after a search or a breadcrumb click).
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const toOpen: string[] = [];
      for (const id of ancestorIds) {
        if (!nodesById.has(id) && toOpen.length === 0) continue;
        if (!children[id]) {
          try {
            await loadChildren(id);
          } catch {
            break;
          }
        }
        toOpen.push(id);
      }
      if (!cancelled && toOpen.length) setExpanded((e) => Array.from(new Set([...e, ...toOpen])));
    })();
    return () => {
      cancelled = true;
    };
    // Runs when the path changes or the root arrives; children/nodesById are read as they are then.
  }, [ancestorIds.join('/'), roots]);

  const treeData = useMemo(() => (roots ?? []).map((r) => toDataNode(r, children)), [roots, children]);

  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message={error}
        action={
          <Button size="small" onClick={() => void loadRoots()}>
            重试
          </Button>
        }
      />
    );
  if (!roots) return <Spin style={{ display: 'block', padding: 24 }} />;
  if (roots.length === 0) return <Empty description="暂无组织" />;

  return (
    <Tree
      showIcon
      blockNode
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={Object.keys(children)}
      onExpand={(keys) => setExpanded(keys as string[])}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => {
        if (keys[0]) onSelect(String(keys[0]));
      }}
      loadData={async (node) => {
        await loadChildren(String(node.key));
      }}
      className="org-tree"
    />
  );
}
