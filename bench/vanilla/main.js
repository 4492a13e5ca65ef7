// A hand-written device table for the benchmark's baseline: the same devices (made from their
// id by the rules of bench/table/src/fleet.rs), the same markup as the console's DeviceTable,
// and the least DOM work each operation needs.
'use strict';

const USERS = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健', '伊藤 さくら', '渡辺 翔',
  '中村 優子', '小林 大輔', '加藤 愛'];
const TAGS = ['営業', '東京', '貸与', '大阪', '開発'];
const IPHONES = ['iPhone 15', 'iPhone 14', 'iPhone SE'];
const ANDROIDS = ['Pixel 8', 'Galaxy S23', 'AQUOS sense8'];
const OS = ['ios', 'android', 'ipados', 'android'];
const OS_LABEL = { ios: 'iOS', android: 'Android', ipados: 'iPadOS' };
const METHOD_LABEL = { apple_mdm: 'Apple MDM方式', ivi_mdm: 'IVI MDM方式', hybrid: 'Hybrid MDM方式' };
const OWNERSHIP_LABEL = { company: '会社支給', byod: '個人所有(BYOD)' };
const STATUS = {
  online: ['オンライン', 'badge badge--positive'],
  offline: ['オフライン', 'badge badge--neutral'],
  powered_off: ['電源オフ', 'badge badge--caution'],
  profile_removed: ['MDMプロファイル削除', 'badge badge--negative'],
};
const NO_VALUE = '—';
const FILTER_TERM = '佐藤';
const EPOCH = Date.UTC(2026, 10, 26);
const JST = 9 * 3600 * 1000;

const pad = (n, width) => String(n).padStart(width, '0');

function device(id) {
  const os = OS[id % 4];
  const apple = os !== 'android';
  const tags = [];
  for (let j = 0; j < id % 4; j++) tags.push(TAGS[(id + j) % 5]);
  return {
    id,
    name: 'DEV-' + pad(id, 5),
    os,
    version: apple ? `17.${id % 5}` : `14.${id % 3}`,
    model: os === 'ios' ? IPHONES[id % 3] : os === 'ipados' ? 'iPad Air' : ANDROIDS[id % 3],
    serial: 'SN' + pad(id, 8),
    phone: id % 7 !== 0 ? `090-${pad(Math.floor(id / 10000) % 10000, 4)}-${pad(id % 10000, 4)}` : null,
    user: id % 11 !== 0 ? USERS[id % 10] : null,
    employee: 'E' + pad(id, 5),
    tags,
    ownership: id % 5 === 0 ? 'byod' : 'company',
    method: apple ? (id % 6 === 0 ? 'hybrid' : 'apple_mdm') : 'ivi_mdm',
    status: id % 17 === 0 ? 'profile_removed' : id % 13 === 0 ? 'powered_off' : id % 3 === 0 ? 'offline' : 'online',
    lastSeen: EPOCH - id * 7 * 60000,
  };
}

function formatTime(ms) {
  const d = new Date(ms + JST);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}`;
}

const template = document.createElement('template');
template.innerHTML = '<tr class="data-table__row"><td class="col-check"><input class="check__box" type="checkbox"></td>' +
  '<th class="col-name" scope="row"><span class="cell-text cell-text--strong"></span></th>' +
  '<td class="col-os"><span class="cell-text"></span></td><td class="col-model"><span class="cell-text"></span></td>' +
  '<td class="col-user"><span class="cell-text"></span></td><td class="col-phone"><span class="cell-text"></span></td>' +
  '<td class="col-method"><span class="cell-text"></span></td><td class="col-ownership"><span class="cell-text"></span></td>' +
  '<td class="col-status"><span class="badge"><span class="badge__dot" aria-hidden="true"></span></span>' +
  '<span class="cell-sub cell-sub--inline"></span></td><td class="col-tags"><span class="tag-list"></span></td></tr>';
const rowTemplate = template.content.firstChild;

function span(className, text) {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

function fillOptional(cellSpan, value) {
  if (value === null) {
    cellSpan.textContent = NO_VALUE;
  } else {
    cellSpan.title = value;
    cellSpan.textContent = value;
  }
}

function buildRow(d) {
  const tr = rowTemplate.cloneNode(true);
  tr.setAttribute('data-testid', 'device-row-' + d.id);
  const check = tr.firstChild;
  const box = check.firstChild;
  box.setAttribute('value', String(d.id));
  box.setAttribute('data-testid', 'select-device-' + d.id);
  box.setAttribute('aria-label', d.name + ' を選択');
  const nameCell = check.nextSibling;
  const name = nameCell.firstChild;
  name.title = d.name;
  name.textContent = d.name;
  const osCell = nameCell.nextSibling;
  osCell.firstChild.textContent = OS_LABEL[d.os] + ' ' + d.version;
  const modelCell = osCell.nextSibling;
  fillOptional(modelCell.firstChild, d.model);
  const userCell = modelCell.nextSibling;
  fillOptional(userCell.firstChild, d.user);
  const phoneCell = userCell.nextSibling;
  fillOptional(phoneCell.firstChild, d.phone);
  const methodCell = phoneCell.nextSibling;
  methodCell.firstChild.textContent = METHOD_LABEL[d.method];
  const ownershipCell = methodCell.nextSibling;
  ownershipCell.firstChild.textContent = OWNERSHIP_LABEL[d.ownership];
  const statusCell = ownershipCell.nextSibling;
  const badge = statusCell.firstChild;
  const [statusText, badgeClass] = STATUS[d.status];
  badge.className = badgeClass;
  badge.setAttribute('data-testid', 'status-' + d.id);
  badge.appendChild(document.createTextNode(statusText));
  const seen = badge.nextSibling;
  const at = formatTime(d.lastSeen);
  seen.setAttribute('data-testid', 'last-seen-' + d.id);
  seen.title = '最終接続 ' + at;
  seen.textContent = at;
  const tagsCell = statusCell.nextSibling;
  tagsCell.title = d.tags.join(', ');
  const list = tagsCell.firstChild;
  for (let i = 0; i < d.tags.length && i < 2; i++) list.appendChild(span('tag', d.tags[i]));
  if (d.tags.length > 2) list.appendChild(span('tag tag--more', `ほか${d.tags.length - 2}件`));
  if (d.tags.length === 0) list.appendChild(span('cell-text cell-text--muted', NO_VALUE));
  if (selected.has(d.id)) {
    tr.classList.add('data-table__row--selected');
    box.checked = true;
  }
  return tr;
}

const tbody = document.querySelector('tbody');
const pageBox = document.querySelector('[data-testid="select-page"]');
const nameHeader = document.querySelector('th.col-name');
const nameButton = nameHeader.firstChild;
let data = [];
let rows = [];
let nextId = 1;
let order = 'asc';
const selected = new Set();

function make(count) {
  const made = [];
  for (let i = 0; i < count; i++) made.push(device(nextId++));
  return made;
}

function updatePageBox() {
  pageBox.disabled = data.length === 0;
  let ticked = 0;
  for (const d of data) if (selected.has(d.id)) ticked++;
  pageBox.checked = ticked > 0 && ticked === data.length;
  pageBox.indeterminate = ticked > 0 && ticked < data.length;
}

function showOrder(next) {
  order = next;
  nameHeader.setAttribute('aria-sort', next === 'asc' ? 'ascending' : 'descending');
  nameButton.lastChild.textContent = next === 'asc' ? '▲' : '▼';
}

function append(devices) {
  const fragment = document.createDocumentFragment();
  for (const d of devices) {
    const tr = buildRow(d);
    rows.push(tr);
    fragment.appendChild(tr);
  }
  tbody.appendChild(fragment);
}

function run(count) {
  if (order !== 'asc') showOrder('asc');
  tbody.textContent = '';
  data = [];
  rows = [];
  const made = make(count);
  data = made;
  append(made);
  updatePageBox();
}

function add() {
  const made = make(1000);
  data = data.concat(made);
  append(made);
  updatePageBox();
}

function update() {
  for (let i = 0; i < data.length; i += 10) {
    const d = data[i];
    d.name += ' !!!';
    const tr = rows[i];
    tr.firstChild.firstChild.setAttribute('aria-label', d.name + ' を選択');
    const name = tr.firstChild.nextSibling.firstChild;
    name.title = d.name;
    name.firstChild.nodeValue = d.name;
  }
}

function clear() {
  tbody.textContent = '';
  data = [];
  rows = [];
  updatePageBox();
}

function swapRows() {
  if (data.length <= 998) return;
  const a = rows[1];
  const b = rows[998];
  const afterB = b.nextSibling;
  tbody.insertBefore(b, a);
  tbody.insertBefore(a, afterB);
  [data[1], data[998]] = [data[998], data[1]];
  [rows[1], rows[998]] = [rows[998], rows[1]];
}

function removeRow() {
  if (data.length <= 3) return;
  rows[3].remove();
  data.splice(3, 1);
  rows.splice(3, 1);
  updatePageBox();
}

function setTicked(index, on) {
  const id = data[index].id;
  if (on) selected.add(id); else selected.delete(id);
  rows[index].classList.toggle('data-table__row--selected', on);
  rows[index].firstChild.firstChild.checked = on;
}

function sortByName() {
  const next = order === 'asc' ? 'desc' : 'asc';
  const pairs = data.map((d, i) => [d, rows[i]]);
  pairs.sort((a, b) => (a[0].name < b[0].name ? -1 : a[0].name > b[0].name ? 1 : 0));
  if (next === 'desc') pairs.reverse();
  data = pairs.map((p) => p[0]);
  rows = pairs.map((p) => p[1]);
  const fragment = document.createDocumentFragment();
  for (const tr of rows) fragment.appendChild(tr);
  tbody.appendChild(fragment);
  showOrder(next);
}

function filter() {
  const terms = FILTER_TERM.split(/\s+/).filter(Boolean).map((t) => t.toLowerCase());
  const matches = (d) => terms.every((term) =>
    [d.name, d.serial, d.phone, d.user, d.employee].some((text) => text !== null && text.toLowerCase().includes(term)));
  const keptData = [];
  const keptRows = [];
  for (let i = 0; i < data.length; i++) {
    if (matches(data[i])) {
      keptData.push(data[i]);
      keptRows.push(rows[i]);
    } else {
      rows[i].remove();
    }
  }
  data = keptData;
  rows = keptRows;
  updatePageBox();
}

function select100() {
  for (let i = 0; i < data.length && i < 100; i++) setTicked(i, true);
  updatePageBox();
}

tbody.addEventListener('change', (event) => {
  const box = event.target;
  const tr = box.closest('tr');
  setTicked(rows.indexOf(tr), box.checked);
  updatePageBox();
});
nameButton.addEventListener('click', sortByName);
document.getElementById('run').addEventListener('click', () => run(1000));
document.getElementById('run500').addEventListener('click', () => run(500));
document.getElementById('add').addEventListener('click', add);
document.getElementById('update').addEventListener('click', update);
document.getElementById('clear').addEventListener('click', clear);
document.getElementById('swaprows').addEventListener('click', swapRows);
document.getElementById('remove').addEventListener('click', removeRow);
document.getElementById('filter').addEventListener('click', filter);
document.getElementById('select100').addEventListener('click', select100);
// The wizard has no hand-written twin: the baseline inserts the console wizard's own markup
// (bench/run.mjs hands it over), the least work any implementation of that screen could do.
document.getElementById('wizard').addEventListener('click', () => {
  document.getElementById('wizard-host').innerHTML = window.WIZARD_HTML || '';
});
