/** Section outline detection: pure, shared by the content script, the popup and the CLI. */
export { detectOutline } from './detect-outline';
export { textToBlocks, textTitle } from './text-blocks';
export { headingLabel, sectionsByBlock } from './sections';
export type { Heading, OutlineBlock } from './types';
