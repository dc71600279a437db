// Aviso public page: richer day tooltips (mouse, touch and arrow keys) and a reload when the data changes.
// The page works fully without this script.
(function () {
  'use strict';
  var tip = null;
  function hide() {
    if (tip) tip.remove();
    tip = null;
    var cur = document.querySelector('rect.current');
    if (cur) cur.classList.remove('current');
  }
  function show(rect) {
    hide();
    var box = rect.closest('.bars');
    var title = rect.querySelector('title');
    if (!box || !title) return;
    rect.classList.add('current');
    tip = document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.id = 'aviso-tip';
    var lines = title.textContent.split('\n');
    var ids = (rect.getAttribute('data-related') || '').split(' ').filter(Boolean);
    var links = ids
      .map(function (id) {
        return box.querySelector('a[href="/incidents/' + id + '"]');
      })
      .filter(Boolean);
    // The last line names the related events; with their links at hand, show links instead.
    var related = links.length > 0 ? lines.pop() : '';
    tip.textContent = lines.join('\n');
    if (links.length > 0) {
      tip.appendChild(document.createElement('br'));
      tip.appendChild(document.createTextNode(related.slice(0, related.indexOf(':') + 1)));
      links.forEach(function (link) {
        var a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.textContent;
        tip.appendChild(document.createElement('br'));
        tip.appendChild(a);
      });
    }
    box.appendChild(tip);
    var r = rect.getBoundingClientRect();
    var b = box.getBoundingClientRect();
    var left = Math.max(0, Math.min(r.left - b.left - tip.offsetWidth / 2, b.width - tip.offsetWidth));
    tip.style.left = left + 'px';
    tip.style.top = r.bottom - b.top + 6 + 'px';
  }
  function visibleRects(svg) {
    return Array.prototype.filter.call(svg.querySelectorAll('rect'), function (r) {
      var box = r.getBoundingClientRect();
      var frame = svg.getBoundingClientRect();
      return box.left >= frame.left - 1 && box.right <= frame.right + 1;
    });
  }
  document.querySelectorAll('.bars-svg').forEach(function (svg) {
    svg.setAttribute('tabindex', '0');
    svg.addEventListener('mouseover', function (e) {
      if (e.target.tagName === 'rect') show(e.target);
    });
    svg.addEventListener('mouseleave', hide);
    // A day with related events opens the first one, by click or Enter; the full list is in the details below.
    function open(rect) {
      var id = (rect.getAttribute('data-related') || '').split(' ')[0];
      if (id) location.href = '/incidents/' + id;
    }
    svg.addEventListener('click', function (e) {
      if (e.target.tagName === 'rect') open(e.target);
    });
    svg.addEventListener('blur', hide);
    svg.addEventListener('keydown', function (e) {
      var rects = visibleRects(svg);
      var rtl = getComputedStyle(svg).direction === 'rtl';
      var i = rects.indexOf(svg.querySelector('rect.current'));
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        if (e.key === 'Home') i = 0;
        else if (e.key === 'End' || i < 0) i = rects.length - 1;
        // Right to left, today is at the left edge: the left arrow goes towards it.
        else i = Math.max(0, Math.min(rects.length - 1, i + ((e.key === 'ArrowLeft') !== rtl ? -1 : 1)));
        if (rects[i]) show(rects[i]);
      } else if (e.key === 'Enter' && svg.querySelector('rect.current')) open(svg.querySelector('rect.current'));
      else if (e.key === 'Escape') hide();
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    hide();
    // Escape closes a component's description until the pointer or the focus leaves it.
    document.querySelectorAll('.component-title:hover, .component-title:focus-within').forEach(function (title) {
      title.classList.add('dismissed');
    });
  });
  document.querySelectorAll('.component-title').forEach(function (title) {
    function reset() {
      title.classList.remove('dismissed');
    }
    title.addEventListener('mouseleave', reset);
    title.addEventListener('focusout', reset);
  });
  var revision = document.body.getAttribute('data-revision');
  setInterval(function () {
    if (document.hidden || !window.fetch) return;
    fetch('/revision.json', { cache: 'no-store' })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (data && String(data.revision) !== revision && !document.querySelector('.tip, details[open].bars-days')) location.reload();
      })
      .catch(function () {});
  }, 30000);
})();
