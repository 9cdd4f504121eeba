// The trust files' fuzz targets in the fast tier (see suite.ts).
import { fuzzSuite } from './suite.js';
import { keys, policyJson, registriesD } from './targets/policy.js';

fuzzSuite([policyJson, registriesD, keys], { 'policy-json': 800, 'registries-d': 250, keys: 400 }, 1_450);
