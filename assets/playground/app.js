// Relais playground: pick who you are, talk to Relais in a DM, watch the team channel.
// Messages are rendered server-side (escaped HTML of the neutral reply); this script only
// polls, inserts them, and posts what you type or click.
const $ = (sel) => document.querySelector(sel);
const state = { as: null, people: [], conversations: [], current: null, since: 0, byId: new Map(), unread: new Map(), polling: null };

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `Erreur ${res.status}`);
  return data;
}

function status(text) { $('#status').textContent = text; }

async function loadPeople() {
  const { people } = await api('/playground/api/people');
  state.people = people;
  const who = $('#who');
  who.innerHTML = '';
  const groups = {};
  for (const p of people) (groups[p.roleLabel] ||= []).push(p);
  for (const [label, list] of Object.entries(groups)) {
    const group = document.createElement('optgroup');
    group.label = label;
    for (const p of list) {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.team ? `${p.name} — ${p.team}` : p.name;
      group.append(option);
    }
    who.append(group);
  }
  const saved = localStorage.getItem('relais.as');
  who.value = people.some((p) => p.id === saved) ? saved : (people.find((p) => p.role === 'encadrant') || people[0] || {}).id || '';
  await choose(who.value);
}

async function choose(personId) {
  state.as = personId;
  localStorage.setItem('relais.as', personId);
  state.since = 0;
  state.byId.clear();
  state.unread.clear();
  $('#messages').innerHTML = '';
  await poll();
  select(state.conversations[0] && state.conversations[0].id);
}

function renderTabs() {
  const tabs = $('#tabs');
  tabs.innerHTML = '';
  tabs.setAttribute('role', 'tablist');
  for (const c of state.conversations) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.conversation = c.id;
    b.setAttribute('aria-selected', String(c.id === state.current));
    b.textContent = c.title;
    const unread = state.unread.get(c.id) || 0;
    if (unread && c.id !== state.current) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = String(unread);
      badge.setAttribute('aria-label', `${unread} nouveau(x)`);
      b.append(badge);
    }
    b.addEventListener('click', () => select(c.id));
    tabs.append(b);
  }
}

function select(conversationId) {
  if (!conversationId) return;
  state.current = conversationId;
  state.unread.set(conversationId, 0);
  const conv = state.conversations.find((c) => c.id === conversationId);
  $('#conversation-title').textContent = conv ? conv.title : '';
  for (const el of $('#messages').children) el.hidden = el.dataset.conversation !== conversationId;
  renderTabs();
  scrollDown();
}

function scrollDown() { const list = $('#messages'); list.scrollTop = list.scrollHeight; }

function personName(id) { const p = state.people.find((x) => x.id === id); return p ? p.name : 'Moi'; }

function upsert(message) {
  let el = state.byId.get(message.id);
  const isNew = !el;
  if (!el) {
    el = document.createElement('li');
    el.dataset.conversation = message.conversationId;
    el.dataset.id = message.id;
    state.byId.set(message.id, el);
    $('#messages').append(el);
  }
  el.className = `msg ${message.fromRelais ? 'relais' : 'user'}`;
  el.hidden = message.conversationId !== state.current;
  const who = document.createElement('p');
  who.className = 'who';
  who.textContent = message.fromRelais ? 'Relais' : personName(message.author);
  el.replaceChildren(who);
  if (message.html !== null) el.insertAdjacentHTML('beforeend', message.html);
  else el.append(document.createTextNode(message.text || ''));
  if (isNew && message.conversationId !== state.current) {
    state.unread.set(message.conversationId, (state.unread.get(message.conversationId) || 0) + 1);
  }
}

async function poll() {
  if (!state.as) return;
  try {
    const data = await api(`/playground/api/messages?as=${encodeURIComponent(state.as)}&since=${state.since}`);
    state.conversations = data.conversations;
    for (const m of data.messages) {
      upsert(m);
      state.since = Math.max(state.since, m.seq);
    }
    if (!state.current || !state.conversations.some((c) => c.id === state.current)) state.current = state.conversations[0] && state.conversations[0].id;
    renderTabs();
    if (data.messages.length) scrollDown();
    status('');
  } catch (error) {
    status(`Connexion perdue, nouvel essai… (${error.message})`);
  }
}

/** Sends once: a network failure is retried with the same id, so Relais never records the message twice. */
async function sendOnce(path, body) {
  const id = (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9-]/g, '');
  for (let attempt = 0; ; attempt++) {
    try {
      return await api(path, { ...body, id });
    } catch (error) {
      if (!(error instanceof TypeError) || attempt >= 4) throw error;
      status('Connexion perdue, nouvel essai…');
      await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
    }
  }
}

async function send(text) {
  await sendOnce('/playground/api/send', { as: state.as, conversationId: state.current, text });
  setTimeout(poll, 150);
}

function ask(button) {
  const dialog = $('#confirm-dialog');
  $('#confirm-title').textContent = button.dataset.confirmTitle;
  $('#confirm-text').textContent = button.dataset.confirmText;
  $('#confirm-yes').textContent = button.dataset.confirmYes;
  $('#confirm-no').textContent = button.dataset.confirmNo;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
  });
}

async function act(action, value, form, source) {
  const message = source && source.closest('li.msg');
  const conversationId = message ? message.dataset.conversation : state.current;
  const data = await sendOnce('/playground/api/action', { as: state.as, conversationId, action, value, form });
  if (data.form) openForm(data.form, conversationId);
  setTimeout(poll, 150);
}

function openForm(html, conversationId) {
  const dialog = $('#form-dialog');
  dialog.innerHTML = html;
  dialog.dataset.conversation = conversationId;
  dialog.showModal();
  const first = dialog.querySelector('textarea, input, select');
  if (first) first.focus();
}

document.addEventListener('click', async (event) => {
  const close = event.target.closest('[data-close-form]');
  if (close) { close.closest('dialog')?.close(); return; }
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  if (button.dataset.confirmTitle && !(await ask(button))) return;
  button.disabled = true;
  try { await act(button.dataset.action, button.dataset.value, undefined, button); } catch (error) { status(error.message); }
  finally { button.disabled = false; }
});

document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form.r-form');
  if (!form) return;
  event.preventDefault();
  const values = Object.fromEntries(new FormData(form).entries());
  const dialog = form.closest('dialog');
  const conversationId = (dialog && dialog.dataset.conversation) || state.current;
  try {
    await sendOnce('/playground/api/action', { as: state.as, conversationId, action: form.dataset.action, value: form.dataset.value, form: values });
    if (dialog) dialog.close();
    setTimeout(poll, 150);
  } catch (error) { status(error.message); }
});

$('#composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = $('#composer-text');
  const text = box.value.trim();
  if (!text) return;
  box.value = '';
  try { await send(text); } catch (error) { status(error.message); box.value = text; }
});
$('#composer-text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('#composer').requestSubmit(); }
});
$('#who').addEventListener('change', (event) => choose(event.target.value));
// Frequent requests: a complete one is sent at once, one that needs a name or a topic is put in the box.
document.querySelectorAll('.prompts [data-prompt]').forEach((chip) => chip.addEventListener('click', async () => {
  const prompt = chip.dataset.prompt;
  const box = $('#composer-text');
  if (prompt.endsWith(' ')) { box.value = prompt; box.focus(); return; }
  try { await send(prompt); } catch (error) { status(error.message); }
}));

loadPeople().catch((error) => status(error.message));
state.polling = setInterval(poll, 1000);
document.addEventListener('change', async (event) => {
  const select = event.target.closest('li.msg select[data-action]');
  if (!select || !select.value) return;
  try { await act(select.dataset.action, select.value, undefined, select); } catch (error) { status(error.message); }
});
