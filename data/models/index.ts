import type { Connection } from 'mongoose';
import { defineAnswerFeedbackModel } from './answer-feedback.ts';
import { defineAnswerRecordModel } from './answer-record.ts';
import { defineApiTokenModel } from './api-token.ts';
import { defineApprovalClaimModel } from './approval-claim.ts';
import { defineApprovalModel } from './approval.ts';
import { defineAuditEventModel } from './audit-event.ts';
import { defineTeamsConversationModel } from './teams-conversation.ts';
import { defineKnowledgeChunkModel } from './knowledge-chunk.ts';
import { defineKnowledgeDocumentModel } from './knowledge-document.ts';
import { defineKnowledgeRevisionModel } from './knowledge-revision.ts';
import { defineLlmUsageModel } from './llm-usage.ts';
import { defineStaleDocsDigestModel } from './stale-docs-digest.ts';
import { defineDeliveryClaimModel } from './delivery-claim.ts';
import { defineIngestModels } from './ingest-models.ts';
import { defineTenantModel } from './tenant.ts';
import { defineTenantPolicyModel } from './tenant-policy.ts';
import { definePersonAvailabilityModel } from './person-availability.ts';
import { defineStandupDeliveryModel } from './standup-delivery.ts';
import { defineTeamAvailabilityModel } from './team-availability.ts';
import { defineStandupAnswerRetentionModel } from './standup-answer-retention.ts';
import { defineStandupBlockerModel } from './standup-blocker.ts';
import { defineStandupDayModel } from './standup-day.ts';
import { defineStandupModel } from './standup.ts';
import { defineStandupAnswerModel } from './standup-answer.ts';
import { defineTriageNudgeModel } from './triage-nudge.ts';
import { defineTriageSnoozeModel } from './triage-snooze.ts';
import { defineTriageTakenModel } from './triage-taken.ts';
import { defineCodeOwnersFileModel } from './code-owners-file.ts';
import { defineTriageSettingsModel } from './triage-settings.ts';
import { defineNotifySettingsModel } from './notify-settings.ts';
import { defineTriageDigestModel } from './triage-digest.ts';
import { defineTriageDigestSettingsModel } from './triage-digest-settings.ts';
import { defineDeliveryDigestModel } from './delivery-digest.ts';
import { defineDeliveryDigestSettingsModel } from './delivery-digest-settings.ts';
import { defineSprintSnapshotModel } from './sprint-snapshot.ts';
import { defineTriageNoticeEventModel } from './triage-notice-event.ts';
import { defineTriageNoticeModel } from './triage-notice.ts';
import { defineMetricDirtyMarkModel } from './metric-dirty-mark.ts';
import { defineMetricRollupVersionModel } from './metric-rollup-version.ts';
import { defineMetricRollupModel } from './metric-rollup.ts';
import { defineMetricSettingsModel } from './metric-settings.ts';

export type Models = ReturnType<typeof defineModels>;

/** Binds every schema to one connection (tests open one connection per database). */
export function defineModels(connection: Connection) {
  return {
    Tenant: defineTenantModel(connection),
    AuditEvent: defineAuditEventModel(connection),
    ApiToken: defineApiTokenModel(connection),
    Approval: defineApprovalModel(connection),
    ApprovalClaim: defineApprovalClaimModel(connection),
    TenantPolicy: defineTenantPolicyModel(connection),
    TeamsConversation: defineTeamsConversationModel(connection),
    // Doc answers (issue 5).
    KnowledgeDocument: defineKnowledgeDocumentModel(connection),
    KnowledgeChunk: defineKnowledgeChunkModel(connection),
    KnowledgeRevision: defineKnowledgeRevisionModel(connection),
    AnswerRecord: defineAnswerRecordModel(connection),
    AnswerFeedback: defineAnswerFeedbackModel(connection),
    LlmUsage: defineLlmUsageModel(connection),
    StaleDocsDigest: defineStaleDocsDigestModel(connection),
    DeliveryClaim: defineDeliveryClaimModel(connection),
    PersonAvailability: definePersonAvailabilityModel(connection),
    StandupDelivery: defineStandupDeliveryModel(connection),
    TeamAvailability: defineTeamAvailabilityModel(connection),
    // Standup blockers, stats and retention (issue 11).
    StandupBlocker: defineStandupBlockerModel(connection),
    StandupDay: defineStandupDayModel(connection),
    StandupAnswerRetention: defineStandupAnswerRetentionModel(connection),
    // Async standups (issue 11).
    Standup: defineStandupModel(connection),
    StandupAnswer: defineStandupAnswerModel(connection),
    // What the /triage buttons remember (issue 12).
    TriageNudge: defineTriageNudgeModel(connection),
    TriageSnooze: defineTriageSnoozeModel(connection),
    TriageTaken: defineTriageTakenModel(connection),
    // PR triage (issue 12).
    CodeOwnersFile: defineCodeOwnersFileModel(connection),
    TriageSettings: defineTriageSettingsModel(connection),
    // PR notifications and the team triage digest (issue 12).
    NotifySettings: defineNotifySettingsModel(connection),
    TriageNotice: defineTriageNoticeModel(connection),
    TriageNoticeEvent: defineTriageNoticeEventModel(connection),
    TriageDigest: defineTriageDigestModel(connection),
    TriageDigestSettings: defineTriageDigestSettingsModel(connection),
    // Delivery metrics (issue 13).
    MetricSettings: defineMetricSettingsModel(connection),
    MetricRollup: defineMetricRollupModel(connection),
    MetricRollupVersion: defineMetricRollupVersionModel(connection),
    MetricDirtyMark: defineMetricDirtyMarkModel(connection),
    // Sprint health: the sprint's contents at its start (issue 13).
    SprintSnapshot: defineSprintSnapshotModel(connection),
    // The weekly delivery digest per team (issue 13).
    DeliveryDigest: defineDeliveryDigestModel(connection),
    DeliveryDigestSettings: defineDeliveryDigestSettingsModel(connection),
    ...defineIngestModels(connection),
  };
}

/** Builds the indexes the schemas declare; unique indexes guard idempotency, so wait for them. */
export async function ensureIndexes(models: Models): Promise<void> {
  await Promise.all(Object.values(models).map((model) => model.createIndexes()));
}
