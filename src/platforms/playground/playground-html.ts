import type { Block, Button, Form, Reply, Select } from '../../core/messages/reply.js';

/** Renders the neutral reply as accessible HTML. Every user-provided string is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** *bold*, _italic_, `code` and line breaks, applied after escaping. */
export function markup(text: string): string {
  return escapeHtml(text)
    .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?])/g, '$1<em>$2</em>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|\n)&gt; ([^\n]*)/g, '$1<q class="r-quote">$2</q>')
    .replace(/\n/g, '<br>');
}

const attr = (name: string, value: string | undefined): string => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);

function button(b: Button): string {
  const confirm = b.confirm ? `${attr('data-confirm-title', b.confirm.title)}${attr('data-confirm-text', b.confirm.text)}${attr('data-confirm-yes', b.confirm.yes)}${attr('data-confirm-no', b.confirm.no)}` : '';
  return `<button type="button" class="btn${b.style ? ` btn-${b.style}` : ''}"${attr('data-action', b.action)}${attr('data-value', b.value)}${confirm}>${escapeHtml(b.label)}</button>`;
}

function select(s: Select): string {
  const options = s.options.map((o) => `<option${attr('value', o.value)}${o.value === s.initial ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('');
  return `<label class="select"><span class="sr-only">${escapeHtml(s.placeholder)}</span><select${attr('data-action', s.action)}><option value="">${escapeHtml(s.placeholder)}</option>${options}</select></label>`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'header': return `<h3 class="r-header">${escapeHtml(b.text)}</h3>`;
    case 'text': return `<p class="r-text">${markup(b.text)}</p>`;
    case 'context': return `<p class="r-context">${markup(b.text)}</p>`;
    case 'divider': return '<hr>';
    case 'image': return `<img class="r-image"${attr('src', b.url)}${attr('alt', b.alt)}>`;
    case 'fields': return `<dl class="r-fields">${b.fields.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${markup(f.value)}</dd></div>`).join('')}</dl>`;
    case 'list': return `<section class="r-list">${b.title ? `<h4>${escapeHtml(b.title)}</h4>` : ''}${b.items.map((i) =>
      `<div class="r-item">${i.title ? `<p class="r-item-title">${escapeHtml(i.title)}</p>` : ''}${i.lines.length ? `<ul>${i.lines.map((l) => `<li>${markup(l)}</li>`).join('')}</ul>` : ''}</div>`).join('')}</section>`;
    case 'actions': return `<div class="r-actions">${b.elements.map((e) => (e.type === 'button' ? button(e) : select(e))).join('')}</div>`;
    case 'links': return `<div class="r-actions">${b.links.filter((l) => /^(https?:\/\/|\/)/.test(l.url)).map((l) => `<a class="btn" target="_blank" rel="noopener noreferrer"${attr('href', l.url)}>${escapeHtml(l.label)}</a>`).join('')}</div>`;
  }
}

export function formHtml(form: Form): string {
  const inputs = form.inputs.map((i, n) => {
    const id = `f-${escapeHtml(form.action)}-${n}`.replace(/[^a-zA-Z0-9-]/g, '-');
    const field = i.options
      ? `<select id="${id}"${attr('name', i.name)}>${i.options.map((o) => `<option${attr('value', o.value)}${o.value === i.value ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('')}</select>`
      : i.multiline
        ? `<textarea id="${id}" rows="${Math.min(12, Math.max(3, (i.value ?? '').split('\n').length + 1))}"${attr('name', i.name)}${attr('placeholder', i.placeholder)}${i.required ? ' required' : ''}>${escapeHtml(i.value ?? '')}</textarea>`
        : `<input id="${id}" type="text"${attr('name', i.name)}${attr('value', i.value)}${attr('placeholder', i.placeholder)}${i.required ? ' required' : ''}>`;
    return `<div class="f-row"><label for="${id}">${escapeHtml(i.label)}</label>${field}</div>`;
  }).join('');
  return `<form class="r-form"${attr('data-action', form.action)}${attr('data-value', form.value)}><h3>${escapeHtml(form.title)}</h3>${inputs}`
    + `<div class="r-actions"><button type="submit" class="btn btn-primary">${escapeHtml(form.submitLabel)}</button><button type="button" class="btn" data-close-form>${escapeHtml(form.cancelLabel)}</button></div></form>`;
}

export function replyHtml(reply: Reply, markerLabel?: string): string {
  const marker = markerLabel ? `<p class="r-marker">${escapeHtml(markerLabel)}</p>` : '';
  return `${reply.blocks.map(block).join('')}${reply.form ? formHtml(reply.form) : ''}${marker}`;
}
