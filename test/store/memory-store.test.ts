import { createMemoryStore } from '../../src/store/memory-store.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('createMemoryStore', (deps) => createMemoryStore(deps));
