/**
 * The reader's own glossaries: import a file as a new layer (all or nothing: a file with any
 * problem stores nothing and lists the problems by row and field), switch layers on and off,
 * export them as JSON or CSV, delete them. Imported text is only ever set as textContent.
 */
import { CSV_COLUMNS, layerToCsv, layerToJson, readGlossaryFile, USER_GLOSSARY_LIMITS } from '../core/glossary/user-glossary';
import type { UserGlossaryLayer } from '../core/glossary/user-layers';
import { t } from '../shared/i18n';
import { button, checkbox, el, section } from '../shared/dom';
import { downloadText } from '../shared/download';
import { describeProblem } from './import-problems';
import type { OptionsContext } from './options-context';

export function buildGlossariesSection(context: OptionsContext): HTMLElement {
  const { layers } = context;
  const hint = el('p', 'hint', t('options.glossariesHint'));
  const limits = el(
    'p',
    'hint',
    t(
      'options.glossaryLimits',
      USER_GLOSSARY_LIMITS.maxBytes / 1024 / 1024,
      USER_GLOSSARY_LIMITS.maxEntries.toLocaleString(),
      USER_GLOSSARY_LIMITS.maxLayers,
    ),
  );
  const columns = el('p', 'hint', t('options.glossaryColumns', CSV_COLUMNS.join(', ')));

  const field = el('div', 'field');
  const label = el('label', undefined, t('options.importFile'));
  const input = el('input');
  input.type = 'file';
  input.id = 'import-glossary';
  input.accept = '.json,.csv,application/json,text/csv';
  label.htmlFor = input.id;
  const report = el('div', 'import-report');
  report.id = 'import-report';
  report.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', report.id);
  field.append(label, input);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void importFile(file, context, report);
  });

  const list = el('ul', 'layers');
  list.id = 'layer-list';
  if (layers.length === 0) list.append(el('li', 'muted', t('options.noGlossaries')));
  layers.forEach((layer, index) => list.append(layerRow(layer, index, context)));
  return section('glossaries', t('options.glossariesHeading'), hint, limits, columns, field, report, list);
}

async function importFile(file: File, context: OptionsContext, report: HTMLElement): Promise<void> {
  report.replaceChildren();
  report.className = 'import-report';
  if (context.layers.length >= USER_GLOSSARY_LIMITS.maxLayers) {
    showProblems(report, file.name, [t('options.tooManyLayers', USER_GLOSSARY_LIMITS.maxLayers)]);
    return;
  }
  // The size is checked before the file is read, so a huge file is never loaded.
  const text = file.size > USER_GLOSSARY_LIMITS.maxBytes ? '' : await file.text();
  const result = readGlossaryFile(file.name, text, file.size);
  if (!result.ok) {
    showProblems(report, file.name, result.problems.map(describeProblem));
    return;
  }
  const layer: UserGlossaryLayer = {
    id: crypto.randomUUID(),
    name: file.name.replace(/\.(json|csv)$/i, ''),
    enabled: true,
    importedAt: new Date().toISOString(),
    entries: result.entries,
  };
  try {
    await context.saveLayers([...context.layers, layer]);
    context.announce(t('options.imported', layer.name, layer.entries.length));
  } catch (error) {
    showProblems(report, file.name, [t('options.saveFailed', String(error))]);
  }
}

function showProblems(report: HTMLElement, fileName: string, problems: string[]): void {
  report.className = 'import-report error';
  const list = el('ul');
  for (const problem of problems) list.append(el('li', undefined, problem));
  report.replaceChildren(el('p', 'error-title', t('options.importFailed', fileName)), list);
}

function layerRow(layer: UserGlossaryLayer, index: number, context: OptionsContext): HTMLElement {
  const replace = (next: UserGlossaryLayer | null): Promise<void> =>
    context.saveLayers(context.layers.flatMap((other) => (other.id === layer.id ? (next ? [next] : []) : [other])));
  const item = el('li', 'layer');
  const toggle = checkbox(
    `layer-${index}-enabled`,
    t('options.layerEnabled', layer.name, layer.entries.length),
    layer.enabled,
    (enabled) => void replace({ ...layer, enabled }).catch((error) => context.announce(t('options.saveFailed', String(error)))),
  );
  const actions = el('div', 'layer-actions');
  actions.append(
    button(`layer-${index}-json`, 'JSON', () =>
      downloadText(`${layer.name}.json`, layerToJson(layer.entries), 'application/json'),
    ),
    button(`layer-${index}-csv`, 'CSV', () =>
      downloadText(`${layer.name}.csv`, layerToCsv(layer.entries), 'text/csv;charset=utf-8'),
    ),
    button(`layer-${index}-delete`, '×', () => {
      void replace(null).then(() => context.announce(t('options.deleted', layer.name)));
    }),
  );
  const [json, csv, remove] = actions.children as unknown as [HTMLButtonElement, HTMLButtonElement, HTMLButtonElement];
  json.setAttribute('aria-label', t('options.exportJson', layer.name));
  csv.setAttribute('aria-label', t('options.exportCsv', layer.name));
  remove.setAttribute('aria-label', t('options.deleteLayer', layer.name));
  remove.title = t('options.deleteLayer', layer.name);
  remove.classList.add('danger');
  item.append(toggle, actions);
  return item;
}
