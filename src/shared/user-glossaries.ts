/**
 * The reader's glossary layers in extension storage (@wxt-dev/storage, versioned), as two items:
 * the full layers (options page, background tooltips, popup search) and the compact match entries
 * of the enabled layers, which is all the page script reads on each page it loads in: a reader
 * with no layers costs one small read and the bundled index is used as it is.
 * Both items are written together, so they never disagree.
 */
import { storage } from '#imports';
import { activeUserEntries, toMatchEntries, type UserGlossaryLayer, type UserMatchEntry } from '../core/glossary/user-layers';

export type { UserGlossaryLayer, UserMatchEntry } from '../core/glossary/user-layers';

export const userGlossariesItem = storage.defineItem<UserGlossaryLayer[]>('local:userGlossaries', {
  fallback: [],
  version: 1,
});

export const userMatchEntriesItem = storage.defineItem<UserMatchEntry[]>('local:userMatchEntries', {
  fallback: [],
  version: 1,
});

/** Stored data is untrusted: anything that is not a list of layers reads as no layers (nothing is deleted). */
function readLayers(value: unknown): UserGlossaryLayer[] {
  if (!Array.isArray(value)) return [];
  return (value as Array<Partial<Record<keyof UserGlossaryLayer, unknown>> | null>).filter(
    (layer): layer is UserGlossaryLayer =>
      typeof layer === 'object' &&
      layer !== null &&
      typeof layer.id === 'string' &&
      typeof layer.name === 'string' &&
      typeof layer.enabled === 'boolean' &&
      Array.isArray(layer.entries),
  );
}

export async function loadLayers(): Promise<UserGlossaryLayer[]> {
  return readLayers(await userGlossariesItem.getValue().catch(() => []));
}

export async function loadUserMatchEntries(): Promise<UserMatchEntry[]> {
  const value = await userMatchEntriesItem.getValue().catch(() => []);
  return Array.isArray(value) ? value : [];
}

/** Replaces every layer at once; throws when storage refuses (its quota), leaving what was stored. */
export async function saveLayers(layers: UserGlossaryLayer[]): Promise<void> {
  await storage.setItems([
    { item: userGlossariesItem, value: layers },
    { item: userMatchEntriesItem, value: toMatchEntries(activeUserEntries(layers)) },
  ]);
}

export function watchLayers(callback: (layers: UserGlossaryLayer[]) => void): () => void {
  return userGlossariesItem.watch((value) => callback(readLayers(value)));
}

export function watchUserMatchEntries(callback: (entries: UserMatchEntry[]) => void): () => void {
  return userMatchEntriesItem.watch((value) => callback(Array.isArray(value) ? value : []));
}
