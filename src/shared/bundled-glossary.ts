/**
 * The bundled glossary (about 900 KB), for the popup and the background. Imported as text and parsed
 * with JSON.parse: as a JavaScript object literal (what a JSON import becomes in this build) it cost
 * the popup a large share of its opening, since V8 parses JSON several times faster than the same
 * data written as JavaScript (https://v8.dev/blog/cost-of-javascript-2019#json).
 */
import glossaryText from '../../.generated/glossary.json?raw';
import type { GlossaryEntry } from '../core/glossary/schema';

export interface BundledGlossary {
  /** Content hash of the bundled data. */
  version: string;
  entries: GlossaryEntry[];
}

export const bundledGlossary = JSON.parse(glossaryText) as BundledGlossary;
