/**
 * Small DOM builders for our pages and the hover card: elements with text nodes only (imported glossary text
 * is never parsed as HTML), and form controls that always carry a label.
 */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

export function section(id: string, heading: string, ...children: Node[]): HTMLElement {
  const wrapper = el('section', 'section');
  wrapper.setAttribute('aria-labelledby', `${id}-heading`);
  const title = el('h2', undefined, heading);
  title.id = `${id}-heading`;
  wrapper.append(title, ...children);
  return wrapper;
}

export function button(id: string, text: string, onClick: () => void, className = 'button'): HTMLButtonElement {
  const element = el('button', className, text);
  element.type = 'button';
  element.id = id;
  element.addEventListener('click', onClick);
  return element;
}

/** A checkbox with its label wrapped around it. */
export function checkbox(id: string, text: string, checked: boolean, onChange: (checked: boolean) => void): HTMLLabelElement {
  const label = el('label', 'check');
  const input = el('input');
  input.type = 'checkbox';
  input.id = id;
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  label.append(input, el('span', undefined, text));
  return label;
}

/** A radio group as a fieldset with a legend: screen readers announce the question with each choice. */
export function radioGroup<V extends string>(
  id: string,
  legend: string,
  choices: ReadonlyArray<{ value: V; label: string }>,
  current: V,
  onChange: (value: V) => void,
): HTMLFieldSetElement {
  const fieldset = el('fieldset', 'choices');
  fieldset.append(el('legend', undefined, legend));
  for (const choice of choices) {
    const label = el('label', 'check');
    const input = el('input');
    input.type = 'radio';
    input.name = id;
    input.id = `${id}-${choice.value}`;
    input.value = choice.value;
    input.checked = choice.value === current;
    input.addEventListener('change', () => {
      if (input.checked) onChange(choice.value);
    });
    label.append(input, el('span', undefined, choice.label));
    fieldset.append(label);
  }
  return fieldset;
}

/** A <select> with a visible <label for>. */
export function select<V extends string>(
  id: string,
  labelText: string,
  choices: ReadonlyArray<{ value: V; label: string; lang?: string }>,
  current: V,
  onChange: (value: V) => void,
): HTMLElement {
  const row = el('div', 'field');
  const label = el('label', undefined, labelText);
  label.htmlFor = id;
  const control = el('select');
  control.id = id;
  for (const choice of choices) {
    const option = el('option', undefined, choice.label);
    option.value = choice.value;
    if (choice.lang) option.lang = choice.lang;
    control.append(option);
  }
  control.value = current;
  control.addEventListener('change', () => onChange(control.value as V));
  row.append(label, control);
  return row;
}
