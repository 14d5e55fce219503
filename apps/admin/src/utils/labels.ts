import { roleLabels, type PostDto } from '@gonghui/contracts';

/** "组织名 · 角色名", how a post is named everywhere in the console. */
export function postLabel(post: Pick<PostDto, 'orgName' | 'role'>): string {
  return `${post.orgName} · ${roleLabels[post.role] ?? post.role}`;
}
