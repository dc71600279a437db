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
    tip.textContent = title.textContent;
    var ids = (rect.getAttribute('data-related') || '').split(' ').filter(Boolean);
    ids.forEach(function (id) {
      var link = box.querySelector('a[href="/incidents/' + id + '"]');
      if (link) {
        var a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.textContent;
        tip.appendChild(document.createElement('br'));
        tip.appendChild(a);
      }
    });
    box.appendChild(tip);
    var r = rect.getBoundingClientRect();
    var b = box.getBoundingClientRect();
    var left = Math.max(0, Math.min(r.left - b.left - tip.offsetWidth / 2, b.width - tip.offsetWidth));
    tip.style.left = left + 'px';
    tip.style.top = r.bottom - b.top + 6 + 'px';
  }
  function visibleRects(svg) {
    return Array.prototype.filter.call(svg.querySelectorAll('rect'), function (r) {
      return r.getBoundingClientRect().left >= svg.getBoundingClientRect().left - 1;
    });
  }
  document.querySelectorAll('.bars-svg').forEach(function (svg) {
    svg.setAttribute('tabindex', '0');
    svg.addEventListener('mouseover', function (e) {
      if (e.target.tagName === 'rect') show(e.target);
    });
    svg.addEventListener('mouseleave', hide);
    svg.addEventListener('click', function (e) {
      if (e.target.tagName === 'rect') show(e.target);
    });
    svg.addEventListener('blur', hide);
    svg.addEventListener('keydown', function (e) {
      var rects = visibleRects(svg);
      var i = rects.indexOf(svg.querySelector('rect.current'));
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        if (e.key === 'Home') i = 0;
        else if (e.key === 'End' || i < 0) i = rects.length - 1;
        else i = Math.max(0, Math.min(rects.length - 1, i + (e.key === 'ArrowLeft' ? -1 : 1)));
        if (rects[i]) show(rects[i]);
      } else if (e.key === 'Escape') hide();
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hide();
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
