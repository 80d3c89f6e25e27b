// Screenwright design comparison: the page-side half (issue 15).
//
// Sent to WebDriver `execute/sync` followed by `return __screenwrightProbe.elements();`. It reads,
// for every rendered element of the page in document order, its border box (document
// coordinates), the tight box of its own text (the client rects of its direct text nodes), how
// many lines that text takes, its computed font and colours, and a CSS selector that names it.
// Nothing here mutates the page. ES2020, no imports.
var __screenwrightProbe = (function () {
  'use strict';
  function cssEscape(s) { return (window.CSS && CSS.escape) ? CSS.escape(s) : String(s).replace(/[^a-zA-Z0-9_-]/g, '\\$&'); }
  // A selector unique in the document: #id, else the shortest tag.class chain from the nearest
  // ancestor with an id (or body), with :nth-of-type where a class does not single it out.
  function selector(e) {
    if (e.id && document.querySelectorAll('#' + cssEscape(e.id)).length === 1) return '#' + cssEscape(e.id);
    var cls = Array.prototype.filter.call(e.classList || [], function (c) { return /^[A-Za-z_][\w-]*$/.test(c); });
    for (var i = 0; i < cls.length; i++) {
      var s = e.tagName.toLowerCase() + '.' + cssEscape(cls[i]);
      if (document.querySelectorAll(s).length === 1) return s;
    }
    var parts = [];
    var n = e;
    while (n && n.nodeType === 1 && n !== document.body && n !== document.documentElement) {
      if (n.id && document.querySelectorAll('#' + cssEscape(n.id)).length === 1) { parts.unshift('#' + cssEscape(n.id)); break; }
      var part = n.tagName.toLowerCase();
      var p = n.parentElement;
      if (p) {
        var same = Array.prototype.filter.call(p.children, function (c) { return c.tagName === n.tagName; });
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(n) + 1) + ')';
      }
      parts.unshift(part);
      n = p;
    }
    if (!parts.length || (parts[0].charAt(0) !== '#')) parts.unshift('body');
    return parts.join(' > ');
  }
  function ownText(e) {
    var out = [];
    var rects = [];
    for (var c = e.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 3) continue;
      var t = c.nodeValue.replace(/\s+/g, ' ').trim();
      if (!t) continue;
      out.push(t);
      var r = document.createRange();
      r.selectNodeContents(c);
      var rs = r.getClientRects();
      for (var i = 0; i < rs.length; i++) if (rs[i].width > 0 && rs[i].height > 0) rects.push(rs[i]);
    }
    if ((e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') && !out.length) {
      var v = e.value || e.getAttribute('placeholder') || '';
      if (v.trim()) out.push(v.trim());
    }
    return { text: out.join(' '), rects: rects };
  }
  function elements() {
    var sx = window.scrollX, sy = window.scrollY;
    var all = document.body ? document.body.querySelectorAll('*') : [];
    var out = [];
    var indexOf = new Map();
    for (var j = 0; j < all.length; j++) indexOf.set(all[j], j);
    for (var i = 0; i < all.length; i++) {
      var e = all[i];
      var tag = e.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
      var st = getComputedStyle(e);
      if (st.display === 'none' || st.visibility === 'hidden') continue;
      var b = e.getBoundingClientRect();
      if (b.width <= 0 || b.height <= 0) continue;
      var t = ownText(e);
      var tb = null, tops = [];
      for (var k = 0; k < t.rects.length; k++) {
        var r = t.rects[k];
        if (!tb) tb = { x: r.left, y: r.top, r: r.right, b: r.bottom };
        else { tb.x = Math.min(tb.x, r.left); tb.y = Math.min(tb.y, r.top); tb.r = Math.max(tb.r, r.right); tb.b = Math.max(tb.b, r.bottom); }
        var top = Math.round(r.top);
        if (tops.every(function (q) { return Math.abs(q - top) > 2; })) tops.push(top);
      }
      out.push({
        index: i, parent: indexOf.has(e.parentElement) ? indexOf.get(e.parentElement) : null, tag: tag, id: e.id || null,
        classes: Array.prototype.slice.call(e.classList || []),
        selector: selector(e),
        box: { x: b.left + sx, y: b.top + sy, width: b.width, height: b.height },
        text: t.text || null,
        textBox: tb ? { x: tb.x + sx, y: tb.y + sy, width: tb.r - tb.x, height: tb.b - tb.y } : null,
        lines: tops.length,
        fontSize: parseFloat(st.fontSize) || 0,
        fontWeight: parseInt(st.fontWeight, 10) || 400,
        color: st.color, background: st.backgroundColor,
        position: st.position,
        marginTop: parseFloat(st.marginTop) || 0, marginLeft: parseFloat(st.marginLeft) || 0,
        borderWidth: Math.min(parseFloat(st.borderTopWidth) || 0, parseFloat(st.borderRightWidth) || 0,
                              parseFloat(st.borderBottomWidth) || 0, parseFloat(st.borderLeftWidth) || 0)
      });
    }
    return { width: document.documentElement.scrollWidth, height: Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0), elements: out };
  }
  return { elements: elements };
})();
