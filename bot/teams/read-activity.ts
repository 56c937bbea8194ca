import { z } from 'zod';

const account = z.object({ id: z.string('required').min(1, 'required') }, 'required');

/**
 * The fields every Bot Framework activity carries and a turn relies on (a reply goes to `serviceUrl`, into
 * `conversation.id`, from `recipient.id` to `from.id`). Checked before botbuilder sees the body, which would
 * otherwise fail half-way through a turn with a 500 echoing its internal error.
 */
const activitySchema = z
  .object({
    type: z.string('required').min(1, 'required'),
    serviceUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    channelId: z.string('required').min(1, 'required'),
    from: account,
    conversation: account,
    recipient: account,
  })
  .loose();

export type ReadActivity = { activity: z.infer<typeof activitySchema> } | { problem: string };

/** The activity in a request body, or a short reason naming the first field that is missing or wrong. */
export function readActivity(body: unknown): ReadActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: 'expected a JSON object with a "type"' };
  }
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { activity: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  return { problem: `"${field}" ${issue.message === 'required' ? 'is required' : issue.message}` };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Demo mode takes activities nobody signed, so their `serviceUrl` decides where the bot posts: only this
 * machine (the Emulator, the Agents Playground) or an origin the operator allows, never any address at all.
 */
export function demoServiceUrlCheck(allowedOrigins: readonly string[]) {
  return (serviceUrl: string): boolean => {
    const url = new URL(serviceUrl);
    return LOOPBACK.test(url.hostname) || allowedOrigins.includes(url.origin);
  };
}
