/** The canned team behind data/demo/events.json, shared by the generator and the loader. */

/** The moment the dataset ends ("now" in events.json); the loader moves every time forward from here. */
export const DEMO_RECORDED_AT = '2026-11-20T17:00:00Z';

/**
 * Each person's accounts in the tools, so the demo shows one person per human, as linked by an admin. `teams` is
 * the Entra ID object id the Agents Playground signs them in with (.m365agentsplayground.yml); `email` the
 * address Jira and PagerDuty know them by, which the Playground's roster reports too.
 */
export const DEMO_PEOPLE = [
  {
    login: 'ana-lima',
    name: 'Ana Lima',
    jira: '5f1a0c0d4e2b7a0068a1b001',
    pd: 'PANA001',
    teams: '9878f927-48e2-43c2-b9a3-eaeeceeadccb',
    email: 'ana@acme.example',
  },
  {
    login: 'bokafor',
    name: 'Ben Okafor',
    jira: '5f1a0c0d4e2b7a0068a1b002',
    pd: 'PBEN002',
    teams: '84355ee9-9775-401e-8345-dfd79c80af51',
    email: 'bokafor@acme.example',
  },
  {
    login: 'chen-wei',
    name: 'Chen Wei',
    jira: '5f1a0c0d4e2b7a0068a1b003',
    pd: 'PCHE003',
    teams: '6c3c78b7-2b58-4d06-a203-dc21323ae486',
    email: 'chen@acme.example',
  },
  {
    login: 'dara-k',
    name: 'Dara Kelly',
    jira: '5f1a0c0d4e2b7a0068a1b004',
    pd: 'PDAR004',
    teams: 'fa9a6354-e144-4a02-b742-2ad02f0238b7',
    email: 'dara@acme.example',
  },
  {
    login: 'eli-sousa',
    name: 'Eli Sousa',
    jira: '5f1a0c0d4e2b7a0068a1b005',
    pd: 'PELI005',
    teams: 'adcd27be-2ba8-4fd8-b375-d540d8813198',
    email: 'eli@acme.example',
  },
  {
    login: 'fatima-n',
    name: 'Fatima Noor',
    jira: '5f1a0c0d4e2b7a0068a1b006',
    pd: 'PFAT006',
    teams: 'e2de6e38-2d60-4d27-96d3-c60b81a7a5e0',
    email: 'fatima@acme.example',
  },
  {
    login: 'gus-m',
    name: 'Gus Moreau',
    jira: '5f1a0c0d4e2b7a0068a1b007',
    pd: 'PGUS007',
    teams: '4f8c5b7b-c994-468e-8fdd-985ebc000d94',
    email: 'gus@acme.example',
  },
  {
    login: 'hana-s',
    name: 'Hana Sato',
    jira: '5f1a0c0d4e2b7a0068a1b008',
    pd: 'PHAN008',
    teams: '53358bd7-702c-4428-8179-e772834585e4',
    email: 'hana@acme.example',
  },
] as const;

/** The Teams tenant the Agents Playground says its people belong to; demo mode serves it from the demo tenant. */
export const DEMO_TEAMS_TENANT_ID = '4e02a576-0850-4eec-bcc6-b6b0949f0554';
