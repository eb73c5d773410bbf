// Local feature-flag evaluation from the server's snapshot, refreshed in the background, and an
// OpenFeature provider on top of it.
import { evaluateFlag, type FlagSnapshot } from '@saasready/contracts';
import type { EvaluationContext, JsonValue, Provider, ResolutionDetails } from '@openfeature/server-sdk';
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';

export interface FlagEvaluatorOptions {
  baseUrl: string;
  /** an organization API key (`sr_…`) holding feature_flags.read, or a superuser's access token */
  credential: string;
  /** how often to refresh the snapshot (default 30 s) */
  refreshMs?: number;
  fetch?: typeof fetch;
  onError?: (err: unknown) => void;
}

/**
 * Evaluates flags locally: one snapshot download, then no network call per evaluation.
 *
 * @example
 * ```ts
 * const flags = new FlagEvaluator({ baseUrl, credential: process.env.SAASREADY_API_KEY! });
 * await flags.start();
 * flags.isEnabled('beta-ui', { organizationId: orgId });
 * ```
 */
export class FlagEvaluator {
  private snapshot: FlagSnapshot | null = null;
  private rules = new Map<string, FlagSnapshot['flags'][number]>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: FlagEvaluatorOptions) {}

  /** Loads the snapshot and starts the background refresh. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch((err) => this.options.onError?.(err)), this.options.refreshMs ?? 30_000);
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Downloads the snapshot now. */
  async refresh(): Promise<void> {
    const res = await (this.options.fetch ?? fetch)(`${this.options.baseUrl.replace(/\/$/, '')}/api/v1/feature-flags/snapshot`, {
      headers: { authorization: `Bearer ${this.options.credential}` },
    });
    if (!res.ok) throw new Error(`feature flag snapshot: HTTP ${res.status}`);
    this.load((await res.json()) as FlagSnapshot);
  }

  /** Uses a snapshot obtained elsewhere. */
  load(snapshot: FlagSnapshot): void {
    this.snapshot = snapshot;
    this.rules = new Map(snapshot.flags.map((f) => [f.key, f]));
  }

  get version(): string | null {
    return this.snapshot?.version ?? null;
  }

  has(key: string): boolean {
    return this.rules.has(key);
  }

  /** The flag's value for the organization (and user); false for unknown flags. */
  isEnabled(key: string, context: { organizationId: string; userId?: string | null }): boolean {
    const rule = this.rules.get(key);
    return rule ? evaluateFlag(rule, rule.overrides[context.organizationId] ?? null, context) : false;
  }
}

/**
 * An OpenFeature provider backed by a FlagEvaluator: `targetingKey` (or `organizationId`) names the
 * organization, `userId` the user for user-unit rollouts. Only boolean flags exist in SaaSReady.
 *
 * @example
 * ```ts
 * await OpenFeature.setProviderAndWait(new SaaSReadyProvider(flags));
 * await OpenFeature.getClient().getBooleanValue('beta-ui', false, { targetingKey: orgId });
 * ```
 */
export class SaaSReadyProvider implements Provider {
  readonly metadata = { name: 'saasready' } as const;
  readonly runsOn = 'server' as const;

  constructor(private readonly evaluator: FlagEvaluator) {}

  async initialize(): Promise<void> {
    if (!this.evaluator.version) await this.evaluator.start();
  }

  async onClose(): Promise<void> {
    this.evaluator.stop();
  }

  async resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    const organizationId = (context.organizationId as string | undefined) ?? context.targetingKey;
    if (!organizationId) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TARGETING_KEY_MISSING };
    if (!this.evaluator.has(flagKey)) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND };
    const userId = typeof context.userId === 'string' ? context.userId : null;
    return { value: this.evaluator.isEnabled(flagKey, { organizationId, userId }), reason: StandardResolutionReasons.TARGETING_MATCH };
  }

  async resolveStringEvaluation(_key: string, defaultValue: string): Promise<ResolutionDetails<string>> {
    return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH };
  }

  async resolveNumberEvaluation(_key: string, defaultValue: number): Promise<ResolutionDetails<number>> {
    return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH };
  }

  async resolveObjectEvaluation<T extends JsonValue>(_key: string, defaultValue: T): Promise<ResolutionDetails<T>> {
    return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH };
  }
}
