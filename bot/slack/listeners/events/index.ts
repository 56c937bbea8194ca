import type { App } from '@slack/bolt';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import * as appHomeOpened from './app-home-opened.ts';
import * as appMention from './app-mention.ts';

export function register(app: App, deps: SlackListenerDeps): void {
  appHomeOpened.register(app, deps);
  appMention.register(app, deps);
}
