/**
 * Cross-entry checks the schema alone cannot express: unique ids and forms, families and members
 * that point at each other, related ids that exist. Returns readable problems; empty means sound.
 */
import type { GlossaryEntry } from './schema';

export function checkGlossary(entries: readonly GlossaryEntry[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) problems.push(`${entry.id}: duplicate id`);
    byId.set(entry.id, entry);
  }

  const formOwner = new Map<string, string>();
  for (const entry of entries) {
    const forms = new Set([entry.term, ...entry.variants.map((variant) => variant.form)]);
    for (const form of forms) {
      const owner = formOwner.get(form);
      if (owner !== undefined && owner !== entry.id) problems.push(`${entry.id}: form "${form}" also belongs to ${owner}`);
      formOwner.set(form, entry.id);
    }
  }

  for (const entry of entries) {
    for (const memberId of entry.members) {
      const member = byId.get(memberId);
      if (!member) problems.push(`${entry.id}: member ${memberId} does not exist`);
      else if (member.family !== entry.id)
        problems.push(`${entry.id}: member ${memberId} names family ${member.family ?? 'none'}`);
    }
    if (entry.family !== null) {
      const family = byId.get(entry.family);
      if (!family) problems.push(`${entry.id}: family ${entry.family} does not exist`);
      else if (!family.members.includes(entry.id))
        problems.push(`${entry.id}: family ${entry.family} does not list it as a member`);
    }
    for (const relatedId of entry.related) {
      if (!byId.has(relatedId)) problems.push(`${entry.id}: related ${relatedId} does not exist`);
    }
    if (new Set(entry.members).size !== entry.members.length) problems.push(`${entry.id}: a member is listed twice`);
  }
  return problems;
}
