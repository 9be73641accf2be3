/** Options page: wiring only. Reads the settings and glossary layers, then hands them to the view. */
import './style.css';
import { mountOptions } from '../../src/options/options-page';
import { loadSettings } from '../../src/shared/settings';
import { loadLayers } from '../../src/shared/user-glossaries';

void Promise.all([loadSettings(), loadLayers()]).then(([settings, layers]) =>
  mountOptions(document.getElementById('app')!, { settings, layers }),
);
