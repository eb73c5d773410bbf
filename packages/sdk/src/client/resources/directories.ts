// `client.directories`: an organization's SCIM directories (the IdP's provisioning connection), their
// tokens and which role each pushed group grants. The SCIM protocol itself (/scim/v2) is the IdP's.
import type { CallOptions, Transport } from '../transport.js';
import type { RequestBody, ResponseBody } from '../types.js';

/** A SCIM directory as listed: its base URL, counts and last sync, never its token. */
export type Directory = ResponseBody<'/api/v1/orgs/{org_id}/directories/{directory_id}', 'get'>;
/** `client.directories.create`: the directory with its bearer `token` (`scim_…`), shown this once. */
export type CreatedDirectory = ResponseBody<'/api/v1/orgs/{org_id}/directories', 'post', 201>;
/** The body of `client.directories.create`. */
export type CreateDirectoryBody = RequestBody<'/api/v1/orgs/{org_id}/directories', 'post'>;
/** `client.directories.rotateToken`: the new token, shown this once. */
export type RotatedDirectoryToken = ResponseBody<'/api/v1/orgs/{org_id}/directories/{directory_id}/rotate-token', 'post'>;
/** A group the IdP pushed, with its member count and mapped role. */
export type DirectoryGroup = ResponseBody<'/api/v1/orgs/{org_id}/directories/{directory_id}/groups/{group_id}/role', 'put'>;

/**
 * `client.directories`: SCIM directory sync (`directory.manage`).
 *
 * @example
 * ```ts
 * const dir = await client.directories.create(org.id, { name: 'Okta' });
 * showOnce(dir.scim_base_url, dir.token); // paste both into the IdP's provisioning settings
 * ```
 */
export class DirectoriesApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates a directory; `token` is in this answer only.
   *
   * @example
   * ```ts
   * const { scim_base_url, token } = await client.directories.create(org.id, { name: 'Entra ID' });
   * ```
   */
  async create(orgId: string, body: CreateDirectoryBody, options?: CallOptions): Promise<CreatedDirectory> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/directories', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * The organization's directories, with user and group counts and the last sync.
   *
   * @example
   * ```ts
   * const directories = await client.directories.list(org.id);
   * ```
   */
  async list(orgId: string, options?: CallOptions): Promise<Directory[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/directories', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * One directory.
   *
   * @example
   * ```ts
   * const dir = await client.directories.get(org.id, directoryId);
   * ```
   */
  async get(orgId: string, directoryId: string, options?: CallOptions): Promise<Directory> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/directories/{directory_id}', { params: { path: { org_id: orgId, directory_id: directoryId } }, ...init }), options);
  }

  /**
   * Replaces the token: the old one stops working at once.
   *
   * @example
   * ```ts
   * const { token } = await client.directories.rotateToken(org.id, dir.id);
   * ```
   */
  async rotateToken(orgId: string, directoryId: string, options?: CallOptions): Promise<RotatedDirectoryToken> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/directories/{directory_id}/rotate-token', { params: { path: { org_id: orgId, directory_id: directoryId } }, ...init }), options);
  }

  /**
   * Deletes the directory and its token; its members stay, no longer managed.
   *
   * @example
   * ```ts
   * await client.directories.delete(org.id, dir.id);
   * ```
   */
  async delete(orgId: string, directoryId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/directories/{directory_id}', { params: { path: { org_id: orgId, directory_id: directoryId } }, ...init }), options);
  }

  /**
   * The groups the IdP pushed, with member counts and mapped roles.
   *
   * @example
   * ```ts
   * const groups = await client.directories.groups(org.id, dir.id);
   * ```
   */
  async groups(orgId: string, directoryId: string, options?: CallOptions): Promise<DirectoryGroup[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/directories/{directory_id}/groups', { params: { path: { org_id: orgId, directory_id: directoryId } }, ...init }), options);
  }

  /**
   * Maps a group to a role (`null`: the group grants nothing); its members' roles follow at once.
   *
   * @example
   * ```ts
   * await client.directories.setGroupRole(org.id, dir.id, group.id, adminRoleId);
   * ```
   */
  async setGroupRole(orgId: string, directoryId: string, groupId: string, roleId: string | null, options?: CallOptions): Promise<DirectoryGroup> {
    return this.#t.request((api, init) => api.PUT('/api/v1/orgs/{org_id}/directories/{directory_id}/groups/{group_id}/role', { params: { path: { org_id: orgId, directory_id: directoryId, group_id: groupId } }, body: { role_id: roleId }, ...init }), options);
  }
}
