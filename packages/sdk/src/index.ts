export * from './verifier.js';
export * from './middleware/index.js';
export * from './flags.js';
export { evaluateFlag, rolloutBucket, type FlagRule, type FlagOverride, type EvaluationContext as FlagContext } from '@saasready/contracts';
export * from './client/index.js';
export * from './webhooks.js';
