import { z } from 'zod';

// The CSP has no 'unsafe-eval': tell zod not to probe for `new Function` (the probe itself shows
// up as a CSP violation report in the console). Imported first, before any schema is used.
z.config({ jitless: true });
