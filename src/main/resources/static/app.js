// The admin page: reads /api with the admin token, which stays in this tab's session storage.
// Every value from the relay is set as text, never as HTML: events carry user input.
'use strict';

const state = { token: sessionStorage.getItem('relay-admin-token') || '' };

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else element.setAttribute(name, value);
  });
  children.flat().forEach((child) => element.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return element;
}

function say(text) {
  document.getElementById('message').textContent = text;
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : response.status + ' ' + response.statusText;
    throw new Error(detail);
  }
  return body;
}

function time(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

async function loadWebhooks() {
  const webhooks = await api('/api/webhooks');
  const tbody = document.querySelector('#webhooks tbody');
  tbody.replaceChildren(...webhooks.map((webhook) => el('tr', { 'data-webhook': webhook.name },
    el('td', {}, el('span', {
      class: 'dot ' + (webhook.active ? 'active' : 'inactive'),
      title: webhook.active ? 'active' : 'inactive',
      'aria-label': webhook.active ? 'active' : 'inactive'
    })),
    el('td', { class: 'name' }, webhook.name),
    el('td', {}, webhook.triggers.join(', ')),
    el('td', { class: 'last-outcome' }, webhook.lastOutcome
      ? el('span', { class: 'status-' + webhook.lastOutcome.status }, webhook.lastOutcome.status + ' ' + time(webhook.lastOutcome.updatedAt))
      : 'none yet'),
    el('td', { class: 'queue' }, String(webhook.queueDepth)),
    el('td', { class: 'circuit circuit-' + webhook.circuit.state }, webhook.circuit.state),
    el('td', {}, el('button', { class: 'test', onclick: () => test(webhook.name) }, 'Test')))));
  const select = document.getElementById('filter-webhook');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'all'), ...webhooks.map((webhook) => el('option', {}, webhook.name)));
  select.value = chosen;
}

async function loadInvocations() {
  const query = new URLSearchParams({ limit: '50' });
  const webhook = document.getElementById('filter-webhook').value;
  const status = document.getElementById('filter-status').value;
  if (webhook) query.set('webhook', webhook);
  if (status) query.set('status', status);
  const invocations = await api('/api/invocations?' + query);
  const tbody = document.querySelector('#invocations tbody');
  tbody.replaceChildren(...invocations.map((invocation) => el('tr', {
      class: 'clickable', 'data-id': invocation.id, onclick: () => show(invocation.id)
    },
    el('td', {}, time(invocation.createdAt)),
    el('td', {}, invocation.webhook),
    el('td', {}, invocation.eventKey),
    el('td', { class: 'status status-' + invocation.status }, invocation.status),
    el('td', {}, String(invocation.attemptCount)),
    el('td', { class: 'last-error' }, invocation.lastError || ''),
    el('td', {}, invocation.status === 'FAILED'
      ? el('button', { class: 'redeliver', onclick: (event) => { event.stopPropagation(); redeliver(invocation.id); } }, 'Redeliver')
      : ''))));
}

function block(title, value) {
  return [el('h4', {}, title), el('pre', {}, typeof value === 'string' ? value : JSON.stringify(value, null, 2))];
}

function render(invocation) {
  document.getElementById('detail').hidden = false;
  document.getElementById('detail-id').textContent = invocation.id;
  const summary = [['Webhook', invocation.webhook], ['Event', invocation.eventKey], ['Trigger', invocation.trigger],
    ['Status', invocation.status], ['Attempts', String(invocation.attemptCount)],
    ['Next attempt', time(invocation.nextAttemptAt)], ['Last error', invocation.lastError || '']];
  document.getElementById('detail-summary').replaceChildren(...summary.flatMap(([name, value]) =>
    [el('dt', {}, name), el('dd', { class: 'detail-' + name.toLowerCase().replace(' ', '-') }, value)]));
  document.getElementById('attempts').replaceChildren(...invocation.attempts.map((attempt) => el('div', { class: 'attempt' },
    el('h3', {}, 'Attempt ' + attempt.number + ': ' + (attempt.succeeded ? 'succeeded' : 'failed') +
      ' in ' + attempt.durationMs + ' ms, ' + time(attempt.startedAt)),
    attempt.error ? el('p', { class: 'error' }, attempt.error.kind + ': ' + attempt.error.message) : '',
    attempt.request ? block('Request', attempt.request.method + ' ' + attempt.request.url + '\n' +
      Object.entries(attempt.request.headers).map(([name, value]) => name + ': ' + value).join('\n') +
      '\n\n' + (attempt.request.body || '')) : '',
    attempt.response ? block('Response' + (attempt.response.truncated ? ' (cut at 64 KiB)' : ''),
      attempt.response.status + '\n' +
      Object.entries(attempt.response.headers).map(([name, value]) => name + ': ' + value).join('\n') +
      '\n\n' + attempt.response.body) : '',
    attempt.validators.length ? el('table', { class: 'validators' },
      el('thead', {}, el('tr', {}, ['Path', 'Expected', 'Actual', 'Passed', 'Message'].map((name) => el('th', {}, name)))),
      el('tbody', {}, attempt.validators.map((validator) => el('tr', {},
        el('td', {}, validator.path), el('td', {}, validator.expected.join(', ')),
        el('td', {}, validator.actual.join(', ')), el('td', {}, validator.passed ? 'yes' : 'no'),
        el('td', {}, validator.message || ''))))) : '')));
}

async function show(id) {
  try {
    render(await api('/api/invocations/' + encodeURIComponent(id)));
  } catch (error) {
    say(error.message);
  }
}

async function refresh() {
  try {
    await loadWebhooks();
    await loadInvocations();
    say('');
  } catch (error) {
    say(error.message);
  }
}

async function test(webhook) {
  try {
    const invocation = await api('/api/webhooks/' + encodeURIComponent(webhook) + '/test', { method: 'POST' });
    render(invocation);
    say('Test of ' + webhook + ': ' + invocation.status);
  } catch (error) {
    say(error.message);
  }
  await refresh();
}

async function redeliver(id) {
  try {
    const invocation = await api('/api/invocations/' + encodeURIComponent(id) + '/redeliver', { method: 'POST' });
    render(invocation);
    say('Redelivered: ' + invocation.status);
  } catch (error) {
    say(error.message);
  }
  await refresh();
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.token = document.getElementById('token').value.trim();
  sessionStorage.setItem('relay-admin-token', state.token);
  refresh();
});
document.getElementById('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
refresh();
