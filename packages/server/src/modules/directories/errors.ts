import { AppError } from '../../lib/errors.js';

export const directoryNotFound = () => new AppError('directory.not_found');
export const groupNotFound = () => new AppError('directory.group_not_found');

/** RFC 7644 §3.12 `scimType` values this server answers with. */
export type ScimType = 'uniqueness' | 'invalidFilter' | 'invalidValue' | 'mutability' | 'invalidSyntax' | 'noTarget' | 'invalidPath' | 'tooMany';

/** A SCIM protocol error: rendered as `urn:ietf:params:scim:api:messages:2.0:Error` on the SCIM routes only. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export const invalidValue = (detail: string) => new ScimError(400, 'invalidValue', detail);
export const invalidSyntax = (detail: string) => new ScimError(400, 'invalidSyntax', detail);
export const invalidFilter = (detail: string) => new ScimError(400, 'invalidFilter', detail);
export const invalidPath = (detail: string) => new ScimError(400, 'invalidPath', detail);
export const noTarget = (detail: string) => new ScimError(400, 'noTarget', detail);
export const mutability = (detail: string) => new ScimError(400, 'mutability', detail);
export const uniqueness = (detail: string) => new ScimError(409, 'uniqueness', detail);
export const resourceNotFound = (type: 'User' | 'Group', id: string) => new ScimError(404, null, `${type} ${id} not found`);
