export * from './verifier.js';
export * from './middleware/index.js';
export * from './flags.js';
export { evaluateFlag, rolloutBucket, type FlagRule, type FlagOverride, type EvaluationContext as FlagContext } from '@saasready/contracts';
// a system role has the same id in every organization: name one without listing the roles first
export { SYSTEM_ROLE_IDS, type SystemRoleName } from '@saasready/contracts';
export * from './client/index.js';
export * from './webhooks.js';
