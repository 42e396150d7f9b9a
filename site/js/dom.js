// Small DOM helpers. Text always goes in as text (never as HTML), so an
// engine or user string can never become markup.

export const $ = (id) => document.getElementById(id);

// el('p', { class: 'x', dataset: { met: 'true' } }, 'text', child, …)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

// "{n} 天" with { n: 3 } → "3 天".
export const fill = (template, vars = {}) => template.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k])));
