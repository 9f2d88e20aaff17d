// Loaded on demand by machinery.ts: see there.

import { defaultValidator } from '../api/validation/index.js';
import { warmUpValidators } from '../api/validation/schema-warmup.js';
import { reconcile } from '../controllers/index.js';
import type { Machinery } from './machinery.js';

export const machinery: Machinery = { validator: defaultValidator, reconcile, warmUp: warmUpValidators };
