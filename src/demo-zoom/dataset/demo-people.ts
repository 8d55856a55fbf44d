import type { DemoLine, DemoUser } from '../types.js';

/** The demo account's administrator: the person the playground signs in as. */
export const DEMO_ADMIN_EMAIL = 'alice@example.com';

/**
 * The demo account's people. Names exercise what a renderer must survive: accents, an emoji,
 * CJK, and `<`, `>`, `&` and `'` that need escaping in mrkdwn and HTML. Priya has no Zoom Phone.
 * Numbers are fictional (NANP 555-01xx).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'Qa7Lw2XkTnGmAl1cE5bY0w',
    email: DEMO_ADMIN_EMAIL,
    firstName: 'Alice',
    lastName: 'Martin',
    displayName: 'Alice Martin',
    hasPhone: true,
    phoneNumber: '14155550101',
  },
  {
    id: 'Rb3Kd9PzS0eWb0bJx4Tq2A',
    email: 'bob@example.com',
    firstName: 'Bob',
    lastName: 'Okafor',
    displayName: 'Bob Okafor',
    hasPhone: true,
    phoneNumber: '14155550102',
  },
  {
    id: 'Zo8Vq1MnQyKcAng5tRm7Fg',
    email: 'zoe@example.com',
    firstName: 'Zoë',
    lastName: 'Ångström',
    displayName: 'Zoë Ångström',
    hasPhone: true,
    phoneNumber: '14155550103',
  },
  {
    id: 'Jn4Hs6GaRcWuNz2eGp9XkQ',
    email: 'jose@example.com',
    firstName: 'José',
    lastName: 'Núñez-García',
    displayName: 'José Núñez-García',
    hasPhone: true,
    phoneNumber: '14155550104',
  },
  {
    id: 'Re5Ob1rNdTsQ0aHw3LvMyA',
    email: 'renee@example.com',
    firstName: 'Renée',
    lastName: "O'Brien",
    displayName: "Renée <R&D> O'Brien",
    hasPhone: true,
    phoneNumber: '14155550105',
  },
  {
    id: 'Ka2Nk7MuVbYrEm0jZ8cXpg',
    email: 'kai@example.com',
    firstName: 'Kai',
    lastName: 'Nakamura',
    displayName: 'Kai Nakamura 🚀',
    hasPhone: true,
    phoneNumber: '14155550106',
  },
  {
    id: 'Cw9Hn3EiDfJtUo6sWq1RbA',
    email: 'wei.chen@example.com',
    firstName: '伟',
    lastName: '陈',
    displayName: '陈伟 (Wei Chen)',
    hasPhone: true,
    phoneNumber: '14155550107',
  },
  {
    id: 'Pr6Rm4AnLhXgKz1yVd7SeQ',
    email: 'priya@example.com',
    firstName: 'Priya',
    lastName: 'Raman',
    displayName: 'Priya Raman',
    hasPhone: false,
  },
];

/** Two call queues; Alice answers Support, not Sales. */
export const DEMO_CALL_QUEUES: readonly DemoLine[] = [
  {
    id: 'SqU3p0RtQuEuE1kLm8NvBw',
    kind: 'call_queue',
    name: 'Support Queue',
    phoneNumber: '14155550120',
    memberIds: ['Qa7Lw2XkTnGmAl1cE5bY0w', 'Rb3Kd9PzS0eWb0bJx4Tq2A', 'Zo8Vq1MnQyKcAng5tRm7Fg'],
  },
  {
    id: 'SaL3sRnW4lsQ7xYz2PcDkA',
    kind: 'call_queue',
    name: 'Sales & Renewals',
    phoneNumber: '14155550130',
    memberIds: ['Jn4Hs6GaRcWuNz2eGp9XkQ', 'Re5Ob1rNdTsQ0aHw3LvMyA', 'Ka2Nk7MuVbYrEm0jZ8cXpg'],
  },
];

/** The main number's auto receptionist. */
export const DEMO_AUTO_RECEPTIONISTS: readonly DemoLine[] = [
  {
    id: 'MaInL1nEaR0hQ5tUv9WxYg',
    kind: 'auto_receptionist',
    name: 'Main Line <HQ>',
    phoneNumber: '14155550100',
    memberIds: ['Qa7Lw2XkTnGmAl1cE5bY0w', 'Jn4Hs6GaRcWuNz2eGp9XkQ'],
  },
];
