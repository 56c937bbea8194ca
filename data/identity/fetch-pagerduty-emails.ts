import { api } from '@pagerduty/pdjs';

export interface PagerDutyEmail {
  id: string;
  email: string;
  name?: string;
}

const PAGE = 100;

/**
 * Every user of the PagerDuty account with their login email, through GET /users (offset pagination, followed
 * with the SDK's `next`). Webhook payloads carry only user references, so this is where PagerDuty emails come from.
 */
export async function fetchPagerDutyEmails(options: {
  token: string;
  apiUrl?: string;
}): Promise<PagerDutyEmail[]> {
  const url = `${(options.apiUrl ?? 'https://api.pagerduty.com').replace(/\/+$/, '')}/users`;
  const found: PagerDutyEmail[] = [];
  let page = await api({ token: options.token, url, data: { limit: PAGE, offset: 0 } });
  for (;;) {
    if (!page.ok) throw new Error(`PagerDuty GET /users answered ${page.status}`);
    for (const user of (page.data?.users ?? []) as { id?: string; email?: string; name?: string }[]) {
      if (user.id && user.email)
        found.push({ id: user.id, email: user.email.toLowerCase(), name: user.name });
    }
    if (!page.next) return found;
    page = await page.next();
  }
}
