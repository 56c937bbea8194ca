import { WebClient } from '@slack/web-api';

export interface SlackEmail {
  id: string;
  email: string;
  name?: string;
}

/**
 * Every active human member of the workspace with an email, through users.list (paginated by the SDK).
 * `profile.email` is the address the member signs in to Slack with (not a free-text field), which is why it
 * counts as verified; Slack returns it only to apps granted `users:read.email`. Bots, Slackbot and
 * deactivated accounts are skipped.
 */
export async function fetchSlackEmails(options: { token: string; apiUrl?: string }): Promise<SlackEmail[]> {
  const client = new WebClient(options.token, options.apiUrl ? { slackApiUrl: options.apiUrl } : {});
  const found: SlackEmail[] = [];
  for await (const page of client.paginate('users.list', { limit: 200 })) {
    for (const member of (page as { members?: SlackMember[] }).members ?? []) {
      const email = member.profile?.email;
      if (member.deleted || member.is_bot || member.id === 'USLACKBOT' || !member.id || !email) continue;
      found.push({
        id: member.id,
        email: email.toLowerCase(),
        name: member.real_name || member.profile?.real_name || member.name,
      });
    }
  }
  return found;
}

interface SlackMember {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { email?: string; real_name?: string };
}
