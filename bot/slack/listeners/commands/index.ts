import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import * as ask from './ask.ts';
import * as dora from './dora.ts';
import * as em from './em.ts';
import * as flow from './flow.ts';
import * as sprintHealth from './sprint-health.ts';
import * as standup from './standup.ts';
import * as triage from './triage.ts';

export function register(app: App, deps: ChatDeps): void {
  em.register(app, deps);
  ask.register(app, deps);
  standup.register(app, deps);
  triage.register(app, deps);
  flow.register(app, deps);
  dora.register(app, deps);
  sprintHealth.register(app, deps);
}
