import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OrgNode } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { orgsApi } from '../api/orgs';

/**
 * The lazily loaded organisation tree: the root (the active post's organisation) first,
 * each node's children when it is expanded; refresh() reloads one level after an edit.
 */
export function useOrgTree() {
  const [roots, setRoots] = useState<OrgNode[] | null>(null);
  const [children, setChildren] = useState<Record<string, OrgNode[]>>({});
  const [error, setError] = useState<string | null>(null);
  const childrenRef = useRef(children);
  childrenRef.current = children;

  const loadRoots = useCallback(async () => {
    try {
      setError(null);
      setRoots(await orgsApi.tree());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  const loadChildren = useCallback(async (parentId: string) => {
    const list = await orgsApi.tree(parentId);
    setChildren((c) => ({ ...c, [parentId]: list }));
    return list;
  }, []);

  const nodesById = useMemo(() => {
    const map = new Map<string, OrgNode>();
    for (const n of roots ?? []) map.set(n.id, n);
    for (const list of Object.values(children)) for (const n of list) map.set(n.id, n);
    return map;
  }, [roots, children]);

  /** Reload the level holding `orgId` (its siblings, for names and counts) and its own children if loaded. */
  const refresh = useCallback(
    async (orgId: string, parentId: string | null) => {
      const jobs: Promise<unknown>[] = [];
      const isRoot = roots?.some((r) => r.id === orgId);
      if (isRoot || !parentId || !childrenRef.current[parentId]) jobs.push(loadRoots());
      if (parentId && childrenRef.current[parentId]) jobs.push(loadChildren(parentId));
      if (childrenRef.current[orgId]) jobs.push(loadChildren(orgId));
      await Promise.allSettled(jobs);
    },
    [roots, loadRoots, loadChildren],
  );

  return { roots, children, error, nodesById, loadRoots, loadChildren, refresh };
}

export type OrgTreeState = ReturnType<typeof useOrgTree>;
