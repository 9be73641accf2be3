/**
 * Imported first by the popup (the one bundle that carries full zod, for the export schema): zod
 * compiles object parsers with `new Function` unless told not to, after probing for it with
 * `Function('')`. Extension pages forbid eval (Content-Security-Policy), so the probe would only
 * fail and log a CSP violation; with `jitless` it never runs. The probe's code stays in the bundle,
 * which is what `web-ext lint` reports as DANGEROUS_EVAL (see README, Firefox).
 */
import { config } from 'zod/mini';

config({ jitless: true });
