/**
 * The component picker's script, served as /admin/assets/component-picker.js (scripts only from Aviso's
 * own files, CSP). It enhances each component picker: a filter box over names and groups, and the
 * count of ticked components, worded by the page (`data-picker-counts`: one sentence per possible count, in
 * the member's language). Without it the picker is the full list of checkboxes.
 */
export const componentPickerScript = `(function () {
  'use strict';
  function enhance(picker) {
    var tools = picker.querySelector('[data-picker-tools]');
    var filter = picker.querySelector('[data-picker-filter]');
    var count = picker.querySelector('[data-picker-count]');
    if (!tools || !filter || !count) return;
    var rows = Array.prototype.slice.call(picker.querySelectorAll('[data-picker-words]'));
    var groups = Array.prototype.slice.call(picker.querySelectorAll('[data-picker-group]'));
    var counts = [];
    try { counts = JSON.parse(count.getAttribute('data-picker-counts') || '[]'); } catch (e) { counts = []; }
    function showCount() {
      var ticked = rows.filter(function (row) { return row.querySelector('input:checked'); }).length;
      count.textContent = counts[ticked] || String(ticked);
    }
    function applyFilter() {
      var words = filter.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
      rows.forEach(function (row) {
        var text = row.getAttribute('data-picker-words') || '';
        var ticked = row.querySelector('input:checked');
        row.hidden = !ticked && !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector('[data-picker-words]:not([hidden])');
      });
    }
    filter.addEventListener('input', applyFilter);
    // Enter in the filter box narrows the list; it never submits the form half filled.
    filter.addEventListener('keydown', function (event) { if (event.key === 'Enter') event.preventDefault(); });
    picker.addEventListener('change', showCount);
    // A short list is read at a glance; the filter box is for long ones.
    var search = picker.querySelector('[data-picker-search]');
    if (search && rows.length < 10) search.hidden = true;
    tools.hidden = false;
    showCount();
  }
  document.querySelectorAll('[data-picker]').forEach(enhance);
})();
`;
