/** The canned team behind data/demo/events.json, shared by the generator and the loader. */

/** The moment the dataset ends ("now" in events.json); the loader moves every time forward from here. */
export const DEMO_RECORDED_AT = '2026-11-20T17:00:00Z';

/** Each person's accounts in the three tools, so the demo shows one person per human, as linked by an admin. */
export const DEMO_PEOPLE = [
  { login: 'ana-lima', name: 'Ana Lima', jira: '5f1a0c0d4e2b7a0068a1b001', pd: 'PANA001' },
  { login: 'bokafor', name: 'Ben Okafor', jira: '5f1a0c0d4e2b7a0068a1b002', pd: 'PBEN002' },
  { login: 'chen-wei', name: 'Chen Wei', jira: '5f1a0c0d4e2b7a0068a1b003', pd: 'PCHE003' },
  { login: 'dara-k', name: 'Dara Kelly', jira: '5f1a0c0d4e2b7a0068a1b004', pd: 'PDAR004' },
  { login: 'eli-sousa', name: 'Eli Sousa', jira: '5f1a0c0d4e2b7a0068a1b005', pd: 'PELI005' },
  { login: 'fatima-n', name: 'Fatima Noor', jira: '5f1a0c0d4e2b7a0068a1b006', pd: 'PFAT006' },
  { login: 'gus-m', name: 'Gus Moreau', jira: '5f1a0c0d4e2b7a0068a1b007', pd: 'PGUS007' },
  { login: 'hana-s', name: 'Hana Sato', jira: '5f1a0c0d4e2b7a0068a1b008', pd: 'PHAN008' },
] as const;
