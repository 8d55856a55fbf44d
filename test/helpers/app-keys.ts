import { deriveAppKeys } from '../../src/keys/app-keys.js';

/** A fixed deployment secret for tests that build app parts by hand. */
export const TEST_APP_SECRET = 'test-app-secret-0123456789abcdef0123456789abcdef';

/** The pseudonym key {@link TEST_APP_SECRET} derives. */
export const TEST_PSEUDONYM_KEY = deriveAppKeys({ current: TEST_APP_SECRET }).pseudonym;
