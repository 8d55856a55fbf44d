import type { DemoContact } from '../types.js';
import type { Prng } from './prng.js';

const FIRST_NAMES = [
  'Maria',
  'James',
  'Łukasz',
  'Amélie',
  'Olúwaseun',
  'Nguyễn Thị',
  'Siobhán',
  'Mateo',
  'Aroha',
  'Dmitri',
  'Fatima',
  'Björn',
  'Chloé',
  'Santiago',
  'Hana',
  'Ravi',
  'Grace',
  'Tomás',
  'Ingrid',
  'Kwame',
];

const LAST_NAMES = [
  'Fernández',
  'Smith',
  'Wróbel',
  'Lefèvre',
  'Adébáyọ̀',
  'Lan',
  "O'Sullivan",
  'Rossi',
  'Ngata',
  'Volkov',
  'Haddad',
  'Sørensen',
  'Dubois',
  'Álvarez',
  'Kobayashi',
  'Patel',
  'Johnson',
  'Müller',
  'Eriksen',
  'Mensah',
];

/** Contacts whose names break naive renderers, plus fictional international numbers. */
const SPECIAL_CONTACTS: readonly DemoContact[] = [
  { name: "Tony's Pizza 🍕", phoneNumber: '13125550142' },
  { name: 'Ahmed & Sons Plumbing', phoneNumber: '16175550177' },
  { name: 'Eve <eve@example.org>', phoneNumber: '12065550166' },
  { name: 'Ops *urgent* _team_ ~now~', phoneNumber: '13035550119' },
  { name: 'Dr. Åsa Öberg', phoneNumber: '447700900123' },
  { name: 'Oliver Bennett', phoneNumber: '447700900456' },
  { name: 'Chloe Nguyen', phoneNumber: '61491570156' },
  { name: 'Camille Rousseau', phoneNumber: '33199001234' },
  { phoneNumber: '447700900789' },
  { phoneNumber: '61491570157' },
];

/** Fictional US area codes; with 555-0100…0199 they give 800 numbers that ring nobody. */
const AREA_CODES = ['212', '312', '617', '206', '303', '512', '702', '808'];

const GENERATED_CONTACTS = 150;

/**
 * The people outside the account who text it: hand-picked awkward ones first, then generated
 * ones with unique numbers, about one in six without a name (an unknown number).
 */
export const createDemoContacts = (prng: Prng): readonly DemoContact[] => {
  const used = new Set(SPECIAL_CONTACTS.map((contact) => contact.phoneNumber));
  const contacts: DemoContact[] = [...SPECIAL_CONTACTS];
  while (contacts.length < SPECIAL_CONTACTS.length + GENERATED_CONTACTS) {
    const phoneNumber = `1${prng.pick(AREA_CODES)}5550${prng.int(100, 199)}`;
    if (used.has(phoneNumber)) continue;
    used.add(phoneNumber);
    contacts.push(
      prng.chance(1 / 6)
        ? { phoneNumber }
        : { name: `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`, phoneNumber },
    );
  }
  return contacts;
};
