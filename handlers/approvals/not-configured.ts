import type { Reply } from '../types.ts';

/** What a command answers when the composition root did not wire approvals (never in the real server). */
export const APPROVALS_UNAVAILABLE: Reply = {
  visibility: 'private',
  view: {
    kind: 'notice',
    tone: 'error',
    title: 'Approvals are not available',
    body: 'This em-agent was started without its approvals service. Ask your admin to check the logs.',
  },
};
