// Small DOM helpers: element creation and re-rendering a region without losing keyboard focus.

/** h('button', {class: 'x', onclick: f, 'aria-label': 'y'}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces a region's content. The element that had focus inside it is found again by its data-key
 * and focused, so live updates (someone joins, a hand goes up) never throw a keyboard user out.
 */
export function fill(region, ...children) {
  const active = document.activeElement;
  const key = active && region.contains(active) ? active.dataset.key : null;
  const open = [...region.querySelectorAll('details[open][data-key]')].map((d) => d.dataset.key);
  region.replaceChildren();
  append(region, children);
  for (const k of open) {
    const details = region.querySelector(`details[data-key="${CSS.escape(k)}"]`);
    if (details) {
      details.open = true;
    }
  }
  if (key) {
    const again = region.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) {
      again.focus();
    }
  }
}

/** Initials for an avatar. */
export function initials(name) {
  const parts = String(name || '?').split(/[\s._-]+/).filter(Boolean);
  return ((parts[0] || '?')[0] + (parts.length > 1 ? parts[1][0] : '')).toUpperCase();
}
