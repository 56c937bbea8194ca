/**
 * Approvals: a proposed action waits here until the policy's deciders approve, decline or modify it, then runs
 * once. Field names follow the data model of issue 4 (`approvals(id, action_type, target_ref, …)`), so the
 * REST API, the database and the audit ledger all say the same thing.
 */
import type { AuditLedger, JsonValue } from '../audit/types.ts';
import type { Policy } from '../policy/policy-schema.ts';
import type { PolicyProvider } from '../policy/policy-store.ts';
import type { ApprovalStatus, DecisionVerb, PolicyMode, RiskLevel, TargetChannel } from '../policy/types.ts';

export type JsonObject = { [key: string]: JsonValue };

export type ExecutionStatus = 'not_started' | 'running' | 'succeeded' | 'failed';

export interface ExecutionRecord {
  status: ExecutionStatus;
  /** Handed to the executor, so a retried call on the other side cannot apply twice. */
  idempotency_key: string;
  started_at: Date | null;
  finished_at: Date | null;
  /** One line for people: what happened, or why it failed. */
  summary: string | null;
  /** A link to what changed (the merged PR, the comment), when the executor knows one. */
  url: string | null;
}

export interface DecisionEntry {
  decided_by: string;
  decision: DecisionVerb;
  reason: string | null;
  /** For `modify`: the payload as the decider left it. */
  payload: JsonObject | null;
  decided_at: Date;
}

/** Where the bot posted the request, so it can update that message when the approval changes. */
export interface PostedMessage {
  surface: 'slack' | 'teams';
  /** Slack channel id, or Teams conversation id. */
  conversation: string;
  /** Slack message ts, or Teams activity id. */
  messageId: string;
}

/** Where the requester wants the request shown and the result posted (a Slack channel or Teams conversation). */
export interface ConversationRef {
  surface: 'slack' | 'teams';
  id: string;
}

export interface Approval {
  id: string;
  tenantId: string;
  action_type: string;
  /** What the action acts on, e.g. `github:acme/api#42`. */
  target_ref: string;
  risk_level: RiskLevel;
  mode: PolicyMode;
  /** Distinct approvals needed (0 for auto). */
  quorum: number;
  approver_tier: RiskLevel | null;
  /** Why the policy chose this mode, in plain sentences. */
  reasons: string[];
  proposed_payload: JsonObject;
  /** The payload as first proposed, kept when a decider modifies it. */
  original_payload: JsonObject;
  /** Policy user id of who asked: `slack:U…`, `teams:<aad id>`, or `api:<label>` for an API caller. */
  requester: string;
  /** Seconds the approval waits for a decision (0 for auto). */
  ttl: number;
  status: ApprovalStatus;
  decisions: DecisionEntry[];
  /** The decision that closed the approval (null while pending). */
  decided_by: string | null;
  decided_at: Date | null;
  decision: DecisionVerb | 'expire' | null;
  reason: string | null;
  /** The model that drafted the proposal, when an LLM did. */
  model_version: string | null;
  trace_id: string;
  channel: TargetChannel | null;
  conversation: ConversationRef | null;
  created_at: Date;
  expires_at: Date | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  execution: ExecutionRecord;
  messages: PostedMessage[];
  /** Bumped by every change; a write names the version it read, so concurrent decisions cannot both land. */
  version: number;
}

export interface ApprovalStore {
  /** False when an approval with this id already exists (a retried proposal with the same idempotency key). */
  insert(approval: Approval): Promise<boolean>;
  get(tenantId: string, id: string): Promise<Approval | null>;
  /**
   * Applies `changes` only if the stored version is still `expectedVersion` (and bumps it). Null when another
   * write got there first: re-read and decide again.
   */
  update(
    tenantId: string,
    id: string,
    expectedVersion: number,
    changes: Partial<Approval>,
  ): Promise<Approval | null>;
  /** Moves an approved, not yet started execution to running. Null when someone else already claimed it. */
  claimExecution(tenantId: string, id: string, startedAt: Date): Promise<Approval | null>;
  finishExecution(tenantId: string, id: string, execution: ExecutionRecord): Promise<Approval | null>;
  addMessage(tenantId: string, id: string, message: PostedMessage): Promise<void>;
  /** Pending approvals, oldest first. */
  listPending(tenantId: string, limit: number): Promise<Approval[]>;
}

export interface ExecutionResult {
  summary: string;
  url?: string;
}

/** Runs one kind of action. Throws to report a failure; the message is shown to people. */
export type ActionExecutor = (approval: Approval, idempotencyKey: string) => Promise<ExecutionResult>;

/** Tells people about an approval: the request itself, reminders, escalations and the outcome. */
export interface ApprovalNotifier {
  /** Posts the request where the deciders will see it; returns the messages it posted. */
  requestDecision(approval: Approval, audience: DecisionAudience): Promise<PostedMessage[]>;
  /** Refreshes every posted message after a change (decision, expiry, execution). */
  refresh(approval: Approval): Promise<void>;
  /** Tells the requester how it ended (approved and ran, declined, expired, failed). */
  tellRequester(approval: Approval, text: string): Promise<void>;
}

/** Who should see a request, and why now: the first request, the one reminder, or the escalation. */
export interface DecisionAudience {
  occasion: 'request' | 'reminder' | 'escalation';
  /** Policy user ids to reach directly. */
  users: string[];
  /** Slack user groups to mention. */
  slackGroups: string[];
}

export interface ApprovalMetrics {
  /** Milliseconds from proposal to the decision that closed it. */
  observeLatency(ms: number, outcome: 'approved' | 'declined' | 'expired'): void;
  /** Counts proposals by path: auto (no human), ask, require_approval. */
  countProposal(mode: PolicyMode): void;
  /** Counts closed approvals, and those closed after a modify, for the override rate. */
  countClosed(modified: boolean): void;
}

export interface ApprovalLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Everything the approval handlers need, passed in by the composition root (and by tests). */
export interface ApprovalDeps {
  store: ApprovalStore;
  ledger: AuditLedger;
  policyFor(tenantId: string): Promise<Policy>;
  executors: Readonly<Record<string, ActionExecutor>>;
  notifier: ApprovalNotifier;
  metrics: ApprovalMetrics;
  log: ApprovalLog;
  /** Tags every later log line of this request or job run with the approval's trace id. */
  joinTrace(traceId: string): void;
  now(): Date;
  newId(): string;
  /** Arranges for `advanceApproval` to run at `at`; called once per approval, when it is proposed. */
  scheduleStep(tenantId: string, approvalId: string, at: Date): Promise<void>;
}

/** What chat commands and the REST API use: the approval handlers' deps plus the policy text in force. */
export interface ApprovalServices extends ApprovalDeps {
  policies: PolicyProvider;
}
