import { z } from 'zod';

export const roles = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export type Permission = 'read' | 'post_incidents' | 'manage_components' | 'manage_page' | 'manage_team' | 'manage_api_keys';

const grants: Record<Role, readonly Permission[]> = {
  owner: ['read', 'post_incidents', 'manage_components', 'manage_page', 'manage_team', 'manage_api_keys'],
  admin: ['read', 'post_incidents', 'manage_components', 'manage_page', 'manage_team', 'manage_api_keys'],
  editor: ['read', 'post_incidents'],
  viewer: ['read'],
};

/** What a role may do. Editors post incidents and maintenance; viewers only read. */
export function can(role: Role, action: Permission): boolean {
  return grants[role].includes(action);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
