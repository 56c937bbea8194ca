/**
 * The policy a tenant starts with until an admin sets one (with `/em policy set` or POLICY_FILE): the starting
 * point from the product brief. It names no approvers, so `require_approval` actions wait until an admin adds a
 * `tiers` section; `ask` and `auto` actions work from the start.
 */
export const DEFAULT_POLICY_YAML = `# em-agent default policy: add tiers.<risk>.approvers so that someone can approve high-risk actions.
actions:
  pr.merge: { risk: high, mode: require_approval }
  pr.label: { risk: low, mode: auto }
  pr.request_review: { risk: low, mode: auto }
  pr.comment.summary: { risk: medium, mode: auto, ask_if_channel_public: true }
  issue.create.low: { risk: medium, mode: ask }
  incident.page: { risk: high, mode: require_approval }
  standup.report: { risk: low, mode: auto }
limits:
  max_monthly_cost_usd: 200
  max_channel_size_auto_post: 10
  pii_redaction: strict
`;
