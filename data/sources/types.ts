export const SOURCE_NAMES = ['github', 'jira', 'pagerduty'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export function isSourceName(value: string): value is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(value);
}

/** What the intake learns from a delivery before storing it. */
export interface Delivery {
  /** Unique per delivery and stable across the provider's retries: the dedupe key. */
  deliveryId: string;
  eventType: string;
  action?: string;
}

export type DescribedDelivery =
  | { kind: 'event'; delivery: Delivery }
  | { kind: 'ping'; deliveryId?: string }
  | { kind: 'ignored'; deliveryId?: string; eventType: string }
  | { kind: 'invalid'; deliveryId?: string; message: string };

type Json = Record<string, unknown>;

/** The first dotted path the body lacks (null and '' count as missing), or undefined when all are there. */
export function firstMissingPath(body: Json, paths: readonly string[]): string | undefined {
  return paths.find((path) => {
    let value: unknown = body;
    for (const key of path.split('.')) {
      value = typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
    }
    return value === undefined || value === null || value === '';
  });
}
