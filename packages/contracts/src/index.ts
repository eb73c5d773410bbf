export * from './errors.js';
export * from './permissions.js';
export * from './audit-actions.js';
export * from './schemas/common.js';
export * from './schemas/users.js';
export * from './schemas/auth.js';
