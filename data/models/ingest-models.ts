import type { Connection } from 'mongoose';
import { defineBackfillCursorModel } from './backfill-cursor.ts';
import { defineEventPendingModel } from './event-pending.ts';
import { defineEventRawModel } from './event-raw.ts';
import { defineCiRunModel } from './facts/ci-run.ts';
import { defineCommitCompareModel } from './facts/commit-compare.ts';
import { defineCommitModel } from './facts/commit.ts';
import { defineDeploymentStatusModel } from './facts/deployment-status.ts';
import { defineDeploymentModel } from './facts/deployment.ts';
import { defineIncidentStatusChangeModel } from './facts/incident-status-change.ts';
import { defineIncidentModel } from './facts/incident.ts';
import { defineIssueFieldChangeModel } from './facts/issue-field-change.ts';
import { defineIssueTransitionModel } from './facts/issue-transition.ts';
import { defineJiraIssueModel } from './facts/jira-issue.ts';
import { definePullRequestModel } from './facts/pull-request.ts';
import { definePushModel } from './facts/push.ts';
import { defineReleaseModel } from './facts/release.ts';
import { defineRepositoryModel } from './facts/repository.ts';
import { defineReviewModel } from './facts/review.ts';
import { defineServiceModel } from './facts/service.ts';
import { defineSprintModel } from './facts/sprint.ts';
import { definePersonModel } from './person.ts';
import { definePullRequestChangeModel } from './pull-request-change.ts';

/** The normalized facts, by the kind a FactWrite names. */
export function defineFactModels(connection: Connection) {
  return {
    repository: defineRepositoryModel(connection),
    pullRequest: definePullRequestModel(connection),
    review: defineReviewModel(connection),
    commit: defineCommitModel(connection),
    push: definePushModel(connection),
    commitCompare: defineCommitCompareModel(connection),
    deployment: defineDeploymentModel(connection),
    deploymentStatus: defineDeploymentStatusModel(connection),
    ciRun: defineCiRunModel(connection),
    release: defineReleaseModel(connection),
    issue: defineJiraIssueModel(connection),
    issueTransition: defineIssueTransitionModel(connection),
    issueFieldChange: defineIssueFieldChangeModel(connection),
    sprint: defineSprintModel(connection),
    incident: defineIncidentModel(connection),
    incidentStatusChange: defineIncidentStatusChangeModel(connection),
    service: defineServiceModel(connection),
    identity: definePersonModel(connection),
  };
}

export type FactModels = ReturnType<typeof defineFactModels>;

/** The ingestion models (raw deliveries, normalized facts, identities, cursors), registered as one group. */
export function defineIngestModels(connection: Connection) {
  const facts = defineFactModels(connection);
  return {
    EventRaw: defineEventRawModel(connection),
    EventPending: defineEventPendingModel(connection),
    BackfillCursor: defineBackfillCursorModel(connection),
    Repository: facts.repository,
    PullRequest: facts.pullRequest,
    Review: facts.review,
    Commit: facts.commit,
    Push: facts.push,
    CommitCompare: facts.commitCompare,
    Deployment: facts.deployment,
    DeploymentStatus: facts.deploymentStatus,
    CiRun: facts.ciRun,
    Release: facts.release,
    JiraIssue: facts.issue,
    IssueTransition: facts.issueTransition,
    IssueFieldChange: facts.issueFieldChange,
    Sprint: facts.sprint,
    Incident: facts.incident,
    IncidentStatusChange: facts.incidentStatusChange,
    Service: facts.service,
    Person: facts.identity,
    // Not a fact: the log of pull request writes applyFactWrites keeps beside them (on the same connection).
    PullRequestChange: definePullRequestChangeModel(connection),
  };
}

/** The fact models of a full model set, keyed by kind. */
export function factModelsOf(models: ReturnType<typeof defineIngestModels>): FactModels {
  return {
    repository: models.Repository,
    pullRequest: models.PullRequest,
    review: models.Review,
    commit: models.Commit,
    push: models.Push,
    commitCompare: models.CommitCompare,
    deployment: models.Deployment,
    deploymentStatus: models.DeploymentStatus,
    ciRun: models.CiRun,
    release: models.Release,
    issue: models.JiraIssue,
    issueTransition: models.IssueTransition,
    issueFieldChange: models.IssueFieldChange,
    sprint: models.Sprint,
    incident: models.Incident,
    incidentStatusChange: models.IncidentStatusChange,
    service: models.Service,
    identity: models.Person,
  };
}
