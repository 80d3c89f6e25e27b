// Screenwright live grounding: the page-side half (issue 11).
//
// Runs inside WebDriver `execute/sync` (or any page evaluation). The Swift side sends this file's
// text followed by a call, e.g.
//     <file text>; return __screenwright.identify(arguments[0], arguments[1], arguments[2]);
// Inside execute/sync the script body is a function body, so `__screenwright` is a local name and
// the page is not touched at all; evaluated as a plain script it defines exactly one global.
// Nothing here mutates the page. ES2020, no imports.
//
// Semantics follow Playwright's injected script (roleUtils.ts, selectorUtils.ts, injectedScript.ts,
// selectorGenerator.ts): implicit ARIA roles, the accessible-name computation, hidden-for-ARIA,
// and each getBy* engine's matching rules, so that `count` equals what Playwright counts in strict
// mode. The code is our own compact rendition; see docs in Tests/harness/test_page_script.py for
// the checks made against real Playwright and Selenium.
var __screenwright = (function () {
  'use strict';
  var VERSION = 1;

  // ---------------------------------------------------------------- per-call caches
  var K = null;
  function run(fn) {
    var outer = K;
    if (!outer) K = { style: new Map(), before: new Map(), after: new Map(), hidden: new Map(),
                      role: new Map(), name: new Map(), text: new Map(), vis: new Map() };
    try { return fn(); } finally { if (!outer) K = null; }
  }

  // ---------------------------------------------------------------- DOM helpers
  function tagOf(e) {
    var t = e && e.tagName;
    if (typeof t === 'string') return t.toUpperCase();
    if (e instanceof HTMLFormElement) return 'FORM';
    return e && e.nodeName ? String(e.nodeName).toUpperCase() : '';
  }
  function parentOrHost(e) {
    if (e.parentElement) return e.parentElement;
    var p = e.parentNode;
    return p && p.nodeType === 11 && p.host ? p.host : null;
  }
  function rootOf(e) {
    var n = e;
    while (n.parentNode) n = n.parentNode;
    return (n.nodeType === 9 || n.nodeType === 11) ? n : null;
  }
  function closestX(e, sel) {
    while (e) {
      var c = e.closest(sel);
      if (c) return c;
      var top = e;
      while (top.parentElement) top = top.parentElement;
      e = parentOrHost(top);
    }
    return null;
  }
  function containsX(scope, e) {
    while (e) {
      if (scope.contains(e)) return true;
      var top = e;
      while (top.parentElement) top = top.parentElement;
      e = parentOrHost(top);
    }
    return false;
  }
  // Every element under root (not root itself), piercing open shadow roots.
  function allIn(root, out) {
    out = out || [];
    var shadows = [];
    if (root.shadowRoot) shadows.push(root.shadowRoot);
    var list = root.querySelectorAll('*');
    for (var i = 0; i < list.length; i++) {
      out.push(list[i]);
      if (list[i].shadowRoot) shadows.push(list[i].shadowRoot);
    }
    for (var j = 0; j < shadows.length; j++) allIn(shadows[j], out);
    return out;
  }
  // querySelectorAll that also looks inside open shadow roots, as Playwright's css engine does
  // (exact for selectors without combinators crossing a shadow boundary).
  function cssAll(sel, root) {
    root = root || document;
    var out;
    try { out = Array.prototype.slice.call(root.querySelectorAll(sel)); } catch (err) { return []; }
    var shadows = [];
    var walk = function (r) {
      if (r.shadowRoot) shadows.push(r.shadowRoot);
      var l = r.querySelectorAll('*');
      for (var i = 0; i < l.length; i++) if (l[i].shadowRoot) { shadows.push(l[i].shadowRoot); walk(l[i].shadowRoot); }
    };
    walk(root);
    for (var j = 0; j < shadows.length; j++) out.push.apply(out, shadows[j].querySelectorAll(sel));
    return out;
  }
  function style(e, pseudo) {
    var m = pseudo === '::before' ? K.before : pseudo === '::after' ? K.after : K.style;
    if (m.has(e)) return m.get(e);
    var w = e.ownerDocument && e.ownerDocument.defaultView;
    var v = w ? w.getComputedStyle(e, pseudo) : null;
    m.set(e, v);
    return v;
  }
  function norm(s) { return String(s == null ? '' : s).replace(/[\u200b\u00ad]/g, '').trim().replace(/\s+/g, ' '); }
  function flat(s) {
    return String(s).split('\u00A0').map(function (c) {
      return c.replace(/\r\n/g, '\n').replace(/[\u200b\u00ad]/g, '').replace(/\s\s*/g, ' ');
    }).join('\u00A0').trim();
  }
  function box(e) {
    var r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }

  // ---------------------------------------------------------------- visibility
  function styleVisible(e, st) {
    st = st || style(e);
    if (!st) return true;
    if (Element.prototype.checkVisibility && !e.checkVisibility()) return false;
    return st.visibility === 'visible';
  }
  function textNodeVisible(n) {
    var r = n.ownerDocument.createRange();
    r.selectNode(n);
    var b = r.getBoundingClientRect();
    return b.width > 0 && b.height > 0;
  }
  // Playwright's isElementVisible: rendered with a non-empty box.
  function isVisible(e) {
    if (K.vis.has(e)) return K.vis.get(e);
    var st = style(e), v;
    if (!st) v = true;
    else if (st.display === 'contents') {
      v = false;
      for (var c = e.firstChild; c && !v; c = c.nextSibling) {
        if (c.nodeType === 1 && isVisible(c)) v = true;
        else if (c.nodeType === 3 && textNodeVisible(c)) v = true;
      }
    } else if (!styleVisible(e, st)) v = false;
    else { var r = e.getBoundingClientRect(); v = r.width > 0 && r.height > 0; }
    K.vis.set(e, v);
    return v;
  }
  function ignoredForAria(e) { var t = tagOf(e); return t === 'STYLE' || t === 'SCRIPT' || t === 'NOSCRIPT' || t === 'TEMPLATE'; }
  function hiddenForAria(e) {
    if (ignoredForAria(e)) return true;
    var st = style(e);
    var isSlot = e.nodeName === 'SLOT';
    if (st && st.display === 'contents' && !isSlot) {
      for (var c = e.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && !hiddenForAria(c)) return false;
        if (c.nodeType === 3 && textNodeVisible(c)) return false;
      }
      return true;
    }
    var optionInSelect = e.nodeName === 'OPTION' && !!e.closest('select');
    if (!optionInSelect && !isSlot && !styleVisible(e, st)) return true;
    return displayNoneOrAriaHidden(e);
  }
  function displayNoneOrAriaHidden(e) {
    var h = K.hidden.get(e);
    if (h !== undefined) return h;
    h = false;
    if (e.parentElement && e.parentElement.shadowRoot && !e.assignedSlot) h = true;
    if (!h) {
      var st = style(e);
      h = !st || st.display === 'none' || (e.getAttribute('aria-hidden') || '').toLowerCase() === 'true';
    }
    if (!h) { var p = parentOrHost(e); if (p) h = displayNoneOrAriaHidden(p); }
    K.hidden.set(e, h);
    return h;
  }

  // ---------------------------------------------------------------- roles
  var GLOBAL_ARIA = [['aria-atomic'], ['aria-busy'], ['aria-controls'], ['aria-current'], ['aria-describedby'],
    ['aria-details'], ['aria-dropeffect'], ['aria-flowto'], ['aria-grabbed'], ['aria-hidden'], ['aria-keyshortcuts'],
    ['aria-label', 1], ['aria-labelledby', 1], ['aria-live'], ['aria-owns'], ['aria-relevant'], ['aria-roledescription', 2]];
  var NAME_PROHIBITED = ['caption', 'code', 'deletion', 'emphasis', 'generic', 'insertion', 'paragraph', 'presentation',
    'strong', 'subscript', 'superscript'];
  function hasGlobalAria(e, forRole) {
    return GLOBAL_ARIA.some(function (a) {
      var prohibited = a[1] === 1 ? NAME_PROHIBITED.indexOf(forRole || '') >= 0 : a[1] === 2 ? forRole === 'generic' : false;
      return !prohibited && e.hasAttribute(a[0]);
    });
  }
  function hasTabIndex(e) { return !Number.isNaN(Number(String(e.getAttribute('tabindex')))); }
  function nativelyDisabled(e) {
    return ['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'OPTGROUP'].indexOf(tagOf(e)) >= 0 && e.matches(':disabled');
  }
  function isFocusable(e) {
    if (nativelyDisabled(e)) return false;
    var t = tagOf(e);
    if (['BUTTON', 'DETAILS', 'SELECT', 'TEXTAREA'].indexOf(t) >= 0) return true;
    if (t === 'A' || t === 'AREA') return e.hasAttribute('href') || hasTabIndex(e);
    if (t === 'INPUT') return !e.hidden || hasTabIndex(e);
    return hasTabIndex(e);
  }
  var LANDMARK_BLOCKERS = 'article:not([role]), aside:not([role]), main:not([role]), nav:not([role]), section:not([role]), [role=article], [role=complementary], [role=main], [role=navigation], [role=region]';
  var INPUT_ROLE = { button: 'button', checkbox: 'checkbox', image: 'button', number: 'spinbutton', radio: 'radio',
    range: 'slider', reset: 'button', submit: 'button' };
  var SIMPLE_ROLE = { ARTICLE: 'article', ASIDE: 'complementary', BLOCKQUOTE: 'blockquote', BUTTON: 'button',
    CAPTION: 'caption', CODE: 'code', DATALIST: 'listbox', DD: 'definition', DEL: 'deletion', DETAILS: 'group',
    DFN: 'term', DIALOG: 'dialog', DT: 'term', EM: 'emphasis', FIELDSET: 'group', FIGURE: 'figure', H1: 'heading',
    H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading', HR: 'separator', HTML: 'document',
    INS: 'insertion', LI: 'listitem', MAIN: 'main', MARK: 'mark', MATH: 'math', MENU: 'list', METER: 'meter',
    NAV: 'navigation', OL: 'list', OPTGROUP: 'group', OPTION: 'option', OUTPUT: 'status', P: 'paragraph',
    PROGRESS: 'progressbar', SEARCH: 'search', STRONG: 'strong', SUB: 'subscript', SUP: 'superscript', SVG: 'img',
    TABLE: 'table', TBODY: 'rowgroup', TEXTAREA: 'textbox', TFOOT: 'rowgroup', THEAD: 'rowgroup', TIME: 'time',
    TR: 'row', UL: 'list' };
  function implicitRoleRaw(e) {
    var t = tagOf(e);
    switch (t) {
      case 'A': case 'AREA': return e.hasAttribute('href') ? 'link' : null;
      case 'FOOTER': return closestX(e, LANDMARK_BLOCKERS) ? null : 'contentinfo';
      case 'HEADER': return closestX(e, LANDMARK_BLOCKERS) ? null : 'banner';
      case 'FORM': return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'form' : null;
      case 'SECTION': return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'region' : null;
      case 'IMG': return e.getAttribute('alt') === '' && !e.getAttribute('title') && !hasGlobalAria(e) && !hasTabIndex(e) ? 'presentation' : 'img';
      case 'SELECT': return e.hasAttribute('multiple') || e.size > 1 ? 'listbox' : 'combobox';
      case 'INPUT': {
        var type = String(e.type || '').toLowerCase();
        if (['email', 'search', 'tel', 'text', 'url', ''].indexOf(type) >= 0) {
          var list = idRefs(e, e.getAttribute('list'))[0];
          if (list && tagOf(list) === 'DATALIST') return 'combobox';
          return type === 'search' ? 'searchbox' : 'textbox';
        }
        if (type === 'hidden') return null;
        if (type === 'file') return 'button';
        return INPUT_ROLE[type] || 'textbox';
      }
      case 'TD': {
        var table = closestX(e, 'table');
        var r = table ? explicitRole(table) : '';
        return r === 'grid' || r === 'treegrid' ? 'gridcell' : 'cell';
      }
      case 'TH': {
        var scope = e.getAttribute('scope');
        if (scope === 'col' || scope === 'colgroup') return 'columnheader';
        if (scope === 'row' || scope === 'rowgroup') return 'rowheader';
        var nx = e.nextElementSibling, pv = e.previousElementSibling;
        var row = e.parentElement && tagOf(e.parentElement) === 'TR' ? e.parentElement : null;
        if (!nx && !pv) {
          if (row) { var tb = closestX(row, 'table'); if (tb && tb.rows.length <= 1) return null; }
          return 'columnheader';
        }
        var isTh = function (x) { return !!x && tagOf(x) === 'TH'; };
        var dataCell = function (x) { return !!x && tagOf(x) === 'TD' && !!((x.textContent || '').trim() || x.children.length); };
        if (isTh(nx) && isTh(pv)) return 'columnheader';
        if (dataCell(nx) || dataCell(pv)) return 'rowheader';
        return 'columnheader';
      }
    }
    return SIMPLE_ROLE[t] || null;
  }
  var PRESENTATION_PARENTS = { DD: ['DL', 'DIV'], DIV: ['DL'], DT: ['DL', 'DIV'], LI: ['OL', 'UL'], TBODY: ['TABLE'],
    TD: ['TR'], TFOOT: ['TABLE'], TH: ['TR'], THEAD: ['TABLE'], TR: ['THEAD', 'TBODY', 'TFOOT', 'TABLE'] };
  function implicitRole(e) {
    var r = implicitRoleRaw(e);
    if (!r) return null;
    var a = e;
    while (a) {
      var p = parentOrHost(a), ps = PRESENTATION_PARENTS[tagOf(a)];
      if (!ps || !p || ps.indexOf(tagOf(p)) < 0) break;
      var pr = explicitRole(p);
      if ((pr === 'none' || pr === 'presentation') && !(hasGlobalAria(p, pr) || isFocusable(p))) return pr;
      a = p;
    }
    return r;
  }
  var VALID_ROLES = ('alert alertdialog application article banner blockquote button caption cell checkbox code ' +
    'columnheader combobox complementary contentinfo definition deletion dialog directory document emphasis feed ' +
    'figure form generic grid gridcell group heading img insertion link list listbox listitem log main mark marquee ' +
    'math meter menu menubar menuitem menuitemcheckbox menuitemradio navigation none note option paragraph ' +
    'presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox separator ' +
    'slider spinbutton status strong subscript superscript switch tab table tablist tabpanel term textbox time ' +
    'timer toolbar tooltip tree treegrid treeitem').split(' ');
  function explicitRole(e) {
    var roles = (e.getAttribute('role') || '').split(' ').map(function (r) { return r.trim(); });
    for (var i = 0; i < roles.length; i++) if (VALID_ROLES.indexOf(roles[i]) >= 0) return roles[i];
    return null;
  }
  function getRole(e) {
    if (K.role.has(e)) return K.role.get(e);
    var r = explicitRole(e);
    if (!r) r = implicitRole(e);
    else if (r === 'none' || r === 'presentation') {
      var imp = implicitRole(e);
      if (hasGlobalAria(e, imp) || isFocusable(e)) r = imp;
    }
    K.role.set(e, r || null);
    return r || null;
  }

  // ---------------------------------------------------------------- accessible name (accname 1.2 as Playwright does it)
  function idRefs(e, ref) {
    if (!ref) return [];
    var root = rootOf(e);
    if (!root) return [];
    var out = [];
    ref.split(' ').filter(Boolean).forEach(function (id) {
      try {
        var f = root.querySelector('#' + CSS.escape(id));
        if (f && out.indexOf(f) < 0) out.push(f);
      } catch (err) { /* bad id */ }
    });
    return out;
  }
  function labelledBy(e) {
    var ref = e.getAttribute('aria-labelledby');
    if (ref === null) return null;
    var refs = idRefs(e, ref);
    return refs.length ? refs : null;
  }
  // CSS `content` as text: strings, attr(x), and the "/ alt" part. Returns undefined when absent/unparsable.
  function cssContent(e, pseudo) {
    var st = style(e, pseudo);
    if (!st) return undefined;
    var c = st.content;
    if (!c || c === 'none' || c === 'normal' || st.display === 'none' || st.visibility === 'hidden') return undefined;
    var toks = [], re = /\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|attr\(\s*([\w-]+)\s*\)|\/|[^\s"'\/]+)/g, m;
    while ((m = re.exec(c)) !== null) toks.push(m);
    var slash = toks.findIndex(function (t) { return t[1] === '/'; });
    if (slash >= 0) toks = toks.slice(slash + 1);
    else if (!pseudo) return undefined;
    var acc = '';
    for (var i = 0; i < toks.length; i++) {
      var t = toks[i][1];
      if (t[0] === '"' || t[0] === "'") acc += t.slice(1, -1).replace(/\\(.)/g, '$1');
      else if (toks[i][2]) acc += e.getAttribute(toks[i][2]) || '';
      else return undefined;
    }
    if (pseudo && (st.display || 'inline') !== 'inline') acc = ' ' + acc + ' ';
    return acc;
  }
  var NAME_FROM_CONTENT = ['button', 'cell', 'checkbox', 'columnheader', 'gridcell', 'heading', 'link', 'menuitem',
    'menuitemcheckbox', 'menuitemradio', 'option', 'radio', 'row', 'rowheader', 'switch', 'tab', 'tooltip', 'treeitem'];
  var NAME_FROM_CONTENT_DESC = ['', 'caption', 'code', 'contentinfo', 'definition', 'deletion', 'emphasis', 'insertion',
    'list', 'listitem', 'mark', 'none', 'paragraph', 'presentation', 'region', 'row', 'rowgroup', 'section', 'strong',
    'subscript', 'superscript', 'table', 'term', 'time'];
  var NAMING_PROHIBITED = ['caption', 'code', 'definition', 'deletion', 'emphasis', 'generic', 'insertion', 'mark',
    'paragraph', 'presentation', 'strong', 'subscript', 'suggestion', 'superscript', 'term', 'time'];
  function ext(o, extra) { var r = {}; for (var k in o) r[k] = o[k]; for (var k2 in extra) r[k2] = extra[k2]; return r; }
  function fromLabels(labels, o) {
    return Array.prototype.map.call(labels, function (l) {
      return alt(l, ext(o, { lab: { hidden: hiddenForAria(l) }, nat: null, lb: null, db: null, target: null }));
    }).filter(Boolean).join(' ');
  }
  function alt(e, o) {
    if (o.visited.has(e)) return '';
    var child = ext(o, { target: o.target === 'self' ? 'descendant' : o.target });
    if (!o.includeHidden) {
      var inHiddenRef = (o.lb && o.lb.hidden) || (o.db && o.db.hidden) || (o.nat && o.nat.hidden) || (o.lab && o.lab.hidden);
      if (ignoredForAria(e) || (!inHiddenRef && hiddenForAria(e))) { o.visited.add(e); return ''; }
    }
    var lby = labelledBy(e);
    if (!o.lb) {
      var s = (lby || []).map(function (r) {
        return alt(r, ext(o, { lb: { hidden: hiddenForAria(r) }, db: null, target: null, lab: null, nat: null }));
      }).join(' ');
      if (s) return s;
    }
    var role = getRole(e) || '', t = tagOf(e);
    if (o.lab || o.lb || o.target === 'descendant') {
      if ((lby || []).indexOf(e) < 0) {
        if (role === 'textbox') {
          o.visited.add(e);
          return (t === 'INPUT' || t === 'TEXTAREA') ? (e.value || '') : (e.textContent || '');
        }
        if (role === 'combobox' || role === 'listbox') {
          o.visited.add(e);
          var sel;
          if (t === 'SELECT') {
            sel = Array.prototype.slice.call(e.selectedOptions);
            if (!sel.length && e.options.length) sel.push(e.options[0]);
          } else {
            var lb = role === 'combobox' ? allIn(e).find(function (x) { return getRole(x) === 'listbox'; }) : e;
            sel = lb ? Array.prototype.filter.call(lb.querySelectorAll('[aria-selected="true"]'), function (x) { return getRole(x) === 'option'; }) : [];
          }
          if (!sel.length && t === 'INPUT') return e.value || '';
          return sel.map(function (x) { return alt(x, child); }).join(' ');
        }
        if (['progressbar', 'scrollbar', 'slider', 'spinbutton', 'meter'].indexOf(role) >= 0) {
          o.visited.add(e);
          if (e.hasAttribute('aria-valuetext')) return e.getAttribute('aria-valuetext') || '';
          if (e.hasAttribute('aria-valuenow')) return e.getAttribute('aria-valuenow') || '';
          return e.getAttribute('value') || '';
        }
        if (role === 'menu') { o.visited.add(e); return ''; }
      }
    }
    var al = e.getAttribute('aria-label') || '';
    if (al.trim()) { o.visited.add(e); return al; }
    if (role !== 'presentation' && role !== 'none') {
      var type = t === 'INPUT' ? String(e.type || '').toLowerCase() : '';
      if (t === 'INPUT' && (type === 'button' || type === 'submit' || type === 'reset')) {
        o.visited.add(e);
        if ((e.value || '').trim()) return e.value;
        if (type === 'submit') return 'Submit';
        if (type === 'reset') return 'Reset';
        return e.getAttribute('title') || '';
      }
      if (t === 'INPUT' && (type === 'file' || type === 'image')) {
        o.visited.add(e);
        var fl = e.labels || [];
        if (fl.length && !o.lb) return fromLabels(fl, o);
        if (type === 'file') return 'Choose File';
        if ((e.getAttribute('alt') || '').trim()) return e.getAttribute('alt');
        if ((e.getAttribute('title') || '').trim()) return e.getAttribute('title');
        return 'Submit';
      }
      if (!lby && t === 'BUTTON') {
        o.visited.add(e);
        if ((e.labels || []).length) return fromLabels(e.labels, o);
      }
      if (!lby && t === 'OUTPUT') {
        o.visited.add(e);
        if ((e.labels || []).length) return fromLabels(e.labels, o);
        return e.getAttribute('title') || '';
      }
      if (!lby && ['TEXTAREA', 'SELECT', 'INPUT', 'METER', 'PROGRESS'].indexOf(t) >= 0) {
        o.visited.add(e);
        if ((e.labels || []).length) return fromLabels(e.labels, o);
        var usePh = (t === 'INPUT' && ['text', 'password', 'number', 'search', 'tel', 'email', 'url'].indexOf(type) >= 0) || t === 'TEXTAREA';
        var ph = e.getAttribute('placeholder') || '', ti = e.getAttribute('title') || '';
        return !usePh || ti ? ti : ph;
      }
      if (!lby && (t === 'FIELDSET' || t === 'FIGURE')) {
        o.visited.add(e);
        for (var c = e.firstElementChild; c; c = c.nextElementSibling) {
          if (tagOf(c) === (t === 'FIELDSET' ? 'LEGEND' : 'FIGCAPTION'))
            return alt(c, ext(child, { nat: { hidden: hiddenForAria(c) } }));
        }
        return e.getAttribute('title') || '';
      }
      if (t === 'IMG' || t === 'AREA') {
        o.visited.add(e);
        if ((e.getAttribute('alt') || '').trim()) return e.getAttribute('alt');
        return e.getAttribute('title') || '';
      }
      if (t === 'TABLE') {
        o.visited.add(e);
        for (var tc = e.firstElementChild; tc; tc = tc.nextElementSibling)
          if (tagOf(tc) === 'CAPTION') return alt(tc, ext(child, { nat: { hidden: hiddenForAria(tc) } }));
        if (e.getAttribute('summary')) return e.getAttribute('summary');
      }
      if (t === 'SVG' || e.ownerSVGElement) {
        o.visited.add(e);
        for (var sc = e.firstElementChild; sc; sc = sc.nextElementSibling)
          if (tagOf(sc) === 'TITLE' && sc.ownerSVGElement) return alt(sc, ext(child, { lb: { hidden: hiddenForAria(sc) } }));
      }
      if (e.ownerSVGElement && t === 'A' && (e.getAttribute('xlink:title') || '').trim()) {
        o.visited.add(e);
        return e.getAttribute('xlink:title');
      }
    }
    var summary = t === 'SUMMARY' && role !== 'presentation' && role !== 'none';
    var fromContent = NAME_FROM_CONTENT.indexOf(role) >= 0 ||
      (o.target === 'descendant' && NAME_FROM_CONTENT_DESC.indexOf(role) >= 0);
    if (fromContent || summary || o.lb || o.db || o.lab || o.nat) {
      o.visited.add(e);
      var text = innerText(e, child);
      if (o.target === 'self' ? text.trim() : text) return text;
    }
    if (role !== 'presentation' && role !== 'none' || t === 'IFRAME' || t === 'FRAME') {
      o.visited.add(e);
      var title = e.getAttribute('title') || '';
      if (title.trim()) return title;
    }
    o.visited.add(e);
    return '';
  }
  function innerText(e, o) {
    var tokens = [cssContent(e, '::before') || ''];
    var content = cssContent(e);
    var visit = function (n, skipSlotted) {
      if (skipSlotted && n.assignedSlot) return;
      if (n.nodeType === 1) {
        var st = style(n);
        var d = (st && st.display) || 'inline';
        var tok = alt(n, o);
        if (d !== 'inline' || n.nodeName === 'BR') tok = ' ' + tok + ' ';
        tokens.push(tok);
      } else if (n.nodeType === 3) tokens.push(n.textContent || '');
    };
    if (content !== undefined) tokens.push(content);
    else {
      var assigned = e.nodeName === 'SLOT' ? e.assignedNodes() : [];
      if (assigned.length) assigned.forEach(function (n) { visit(n, false); });
      else {
        for (var c = e.firstChild; c; c = c.nextSibling) visit(c, true);
        if (e.shadowRoot) for (var s = e.shadowRoot.firstChild; s; s = s.nextSibling) visit(s, true);
        idRefs(e, e.getAttribute('aria-owns')).forEach(function (x) { visit(x, true); });
      }
    }
    tokens.push(cssContent(e, '::after') || '');
    return tokens.join('');
  }
  function accName(e, includeHidden) {
    var key = includeHidden ? 'h' : 'v';
    var m = K.name.get(e);
    if (m && m[key] !== undefined) return m[key];
    var v = '';
    if (NAMING_PROHIBITED.indexOf(getRole(e) || '') < 0)
      v = flat(alt(e, { visited: new Set(), includeHidden: !!includeHidden, target: 'self' }));
    if (!m) { m = {}; K.name.set(e, m); }
    m[key] = v;
    return v;
  }

  // ---------------------------------------------------------------- element text (getByText / hasText / labels)
  function skipText(e) {
    var n = e.nodeName;
    if (n === 'SCRIPT' || n === 'NOSCRIPT' || n === 'STYLE') return true;
    var d = e.ownerDocument;
    return !!(d && d.head && d.head.contains(e));
  }
  function elText(root) {
    var v = K.text.get(root);
    if (v) return v;
    v = { full: '', normalized: '', immediate: [] };
    if (!skipText(root)) {
      if (root instanceof HTMLInputElement && (root.type === 'submit' || root.type === 'button' || root.type === 'reset')) {
        v = { full: root.value, normalized: norm(root.value), immediate: [root.value] };
      } else {
        var cur = '';
        for (var c = root.firstChild; c; c = c.nextSibling) {
          if (c.nodeType === 3) { v.full += c.nodeValue || ''; cur += c.nodeValue || ''; }
          else if (c.nodeType === 8) continue;
          else {
            if (cur) v.immediate.push(cur);
            cur = '';
            if (c.nodeType === 1) v.full += elText(c).full;
          }
        }
        if (cur) v.immediate.push(cur);
        if (root.shadowRoot) v.full += elText(root.shadowRoot).full;
        if (v.full) v.normalized = norm(v.full);
      }
    }
    K.text.set(root, v);
    return v;
  }
  // 'none' | 'self' | 'selfAndChildren', as selectorUtils.elementMatchesText.
  function matchesText(e, matcher) {
    if (skipText(e) || !matcher(elText(e))) return 'none';
    for (var c = e.firstChild; c; c = c.nextSibling)
      if (c.nodeType === 1 && matcher(elText(c))) return 'selfAndChildren';
    if (e.shadowRoot && matcher(elText(e.shadowRoot))) return 'selfAndChildren';
    return 'self';
  }
  function textMatcher(value, exact) {
    var v = norm(value);
    if (exact) return function (t) { return t.normalized === v; };
    v = v.toLowerCase();
    return function (t) { return t.normalized.toLowerCase().indexOf(v) >= 0; };
  }
  var LABELABLE = ['BUTTON', 'METER', 'OUTPUT', 'PROGRESS', 'SELECT', 'TEXTAREA'];
  // Playwright's getElementLabels: the texts get_by_label matches against.
  function labelTexts(e) {
    var lby = labelledBy(e);
    if (lby) return lby.map(elText);
    var al = e.getAttribute('aria-label');
    if (al !== null && al.trim()) return [{ full: al, normalized: norm(al), immediate: [al] }];
    var t = tagOf(e);
    if (LABELABLE.indexOf(t) >= 0 || (t === 'INPUT' && e.type !== 'hidden')) {
      if (e.labels) return Array.prototype.map.call(e.labels, elText);
    }
    return [];
  }

  // ---------------------------------------------------------------- locator evaluation
  // Elements one locator part resolves to under root (document or an element), Playwright-style.
  function queryPart(kind, value, name, exact, root) {
    var out = [], all, i, e;
    var isEl = root.nodeType === 1;
    if (kind === 'css') return cssAll(value, root);
    all = allIn(root);
    if (kind === 'role') {
      var n = name == null ? null : norm(name);
      for (i = 0; i < all.length; i++) {
        e = all[i];
        if (getRole(e) !== value || hiddenForAria(e)) continue;
        if (n !== null) {
          var an = norm(accName(e, false));
          if (exact ? an !== n : an.toLowerCase().indexOf(n.toLowerCase()) < 0) continue;
        }
        out.push(e);
      }
      return out;
    }
    if (kind === 'text') {
      var m = textMatcher(value, exact);
      if (isEl && matchesText(root, m) === 'self') out.push(root);
      for (i = 0; i < all.length; i++) if (matchesText(all[i], m) === 'self') out.push(all[i]);
      return out;
    }
    if (kind === 'label') {
      var lm = textMatcher(value, exact);
      return all.filter(function (x) { return labelTexts(x).some(lm); });
    }
    var attr = { testId: 'data-testid', placeholder: 'placeholder', altText: 'alt', title: 'title' }[kind];
    if (kind === 'testId' && TESTID_ATTR) attr = TESTID_ATTR;
    if (!attr) return [];
    var lv = String(value).toLowerCase();
    return all.filter(function (x) {
      var a = x.getAttribute(attr);
      if (a === null) return false;
      return (exact || kind === 'testId') ? a === value : a.toLowerCase().indexOf(lv) >= 0;
    });
  }
  var TESTID_ATTR = 'data-testid';
  function queryLocator(loc) {
    var roots;
    if (loc.scope && loc.scope.css) {
      var conts = cssAll(loc.scope.css);
      if (loc.scope.hasText != null) {
        var hm = textMatcher(loc.scope.hasText, false);
        conts = conts.filter(function (c) { return hm(elText(c)); });
      }
      roots = conts;
    } else roots = [document];
    var seen = new Set(), out = [];
    roots.forEach(function (r) {
      queryPart(loc.kind, loc.value, loc.name, loc.exact !== false, r).forEach(function (e) {
        if (!seen.has(e)) { seen.add(e); out.push(e); }
      });
    });
    if (loc.nth != null) {
      var n = loc.nth < 0 ? out.length + loc.nth : loc.nth;
      return out[n] ? [out[n]] : [];
    }
    return out;
  }

  // ---------------------------------------------------------------- choosing the target
  var INTERACTIVE_ROLES = ['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox',
    'menuitemradio', 'option', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'treeitem', 'gridcell'];
  function hitAt(x, y) {
    var e = document.elementFromPoint(x, y);
    while (e && e.shadowRoot) {
      var inner = e.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === e) break;
      e = inner;
    }
    return e;
  }
  function isActionable(e) {
    var t = tagOf(e);
    if (t === 'BUTTON' || t === 'SELECT' || t === 'TEXTAREA' || t === 'SUMMARY') return true;
    if (t === 'INPUT') return e.type !== 'hidden';
    if ((t === 'A' || t === 'AREA') && e.hasAttribute('href')) return true;
    if (e.isContentEditable && !(e.parentElement && e.parentElement.isContentEditable)) return true;
    var er = explicitRole(e);
    return !!er && INTERACTIVE_ROLES.indexOf(er) >= 0;
  }
  function isBoring(e) { var t = tagOf(e); return t === 'BODY' || t === 'HTML'; }
  function findActionable(hit, maxDepth) {
    var e, d;
    for (e = hit, d = 0; e && d <= maxDepth && !isBoring(e); e = parentOrHost(e), d++) {
      if (tagOf(e) === 'LABEL' && e.control) return e.control;
      if (isActionable(e)) return e;
    }
    for (e = hit, d = 0; e && d <= maxDepth && !isBoring(e); e = parentOrHost(e), d++) {
      if (e.hasAttribute('onclick')) return e;
      var ti = e.getAttribute('tabindex');
      if (ti !== null && /^\s*\d+\s*$/.test(ti)) return e;
    }
    for (e = hit, d = 0; e && d <= maxDepth && !isBoring(e); e = parentOrHost(e), d++) {
      var st = style(e);
      if (st && st.cursor === 'pointer') {
        // cursor is inherited: take the outermost element of the pointer run.
        for (var p = parentOrHost(e); p && !isBoring(p) && d < maxDepth; p = parentOrHost(p), d++) {
          var ps = style(p);
          if (!ps || ps.cursor !== 'pointer') break;
          e = p;
        }
        return e;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- CSS and XPath helpers
  function quoteCss(s) { return '"' + String(s).replace(/["\\]/g, function (c) { return '\\' + c; }) + '"'; }
  function idSelector(id) { return /^[a-zA-Z][a-zA-Z0-9\-_]+$/.test(id) ? '#' + id : '[id=' + quoteCss(id) + ']'; }
  function isGuidLike(id) {
    var last, transitions = 0;
    for (var i = 0; i < id.length; i++) {
      var c = id[i], ty;
      if (c === '-' || c === '_') continue;
      if (c >= 'a' && c <= 'z') ty = 'lower';
      else if (c >= 'A' && c <= 'Z') ty = 'upper';
      else if (c >= '0' && c <= '9') ty = 'digit';
      else ty = 'other';
      if (ty === 'lower' && last === 'upper') { last = ty; continue; }
      if (last && last !== ty) transitions++;
      last = ty;
    }
    return transitions >= id.length / 4;
  }
  function stableId(id) { return !!id && !isGuidLike(id) && !/\d{3,}|^:|:r[0-9a-z]+:|^(ember|ext-gen|yui_|react-)/i.test(id); }
  // Playwright's cssFallback: the shortest id/class/nth-child path whose first match is the element.
  function cssPath(t) {
    var tokens = [];
    var uniq = function (prefix) {
      var sel = (prefix ? [prefix].concat(tokens) : tokens).join(' > ');
      return cssAll(sel)[0] === t ? sel : null;
    };
    for (var e = t; e && e.nodeType === 1; e = e.parentElement) {
      var best = '', sel;
      if (e.id) {
        var tk = idSelector(e.id);
        if ((sel = uniq(tk))) return sel;
        best = tk;
      }
      var parent = e.parentNode;
      var classes = Array.prototype.map.call(e.classList, function (c) { return CSS.escape(c); });
      for (var i = 0; i < classes.length; i++) {
        var ct = '.' + classes.slice(0, i + 1).join('.');
        if ((sel = uniq(ct))) return sel;
        if (!best && parent && parent.querySelectorAll(ct).length === 1) best = ct;
      }
      if (parent && parent.children) {
        var sibs = Array.prototype.slice.call(parent.children);
        var same = sibs.filter(function (s) { return s.nodeName === e.nodeName; });
        var name = e.nodeName.toLowerCase().replace(/[:.]/g, function (c) { return '\\' + c; });
        var nt = same.indexOf(e) === 0 ? name : name + ':nth-child(' + (1 + sibs.indexOf(e)) + ')';
        if ((sel = uniq(nt))) return sel;
        if (!best) best = nt;
      }
      tokens.unshift(best);
    }
    return tokens.join(' > ');
  }
  function xq(s) {
    s = String(s);
    if (s.indexOf("'") < 0) return "'" + s + "'";
    if (s.indexOf('"') < 0) return '"' + s + '"';
    return 'concat(' + s.split("'").map(function (p) { return "'" + p + "'"; }).join(", \"'\", ") + ')';
  }
  function xpathAll(xp) {
    try {
      var r = document.evaluate(xp, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      var out = [];
      for (var i = 0; i < r.snapshotLength; i++) if (r.snapshotItem(i).nodeType === 1) out.push(r.snapshotItem(i));
      return out;
    } catch (err) { return null; }
  }
  function xpathString(e) {
    try { return document.evaluate('normalize-space(.)', e, null, XPathResult.STRING_TYPE, null).stringValue; } catch (err) { return ''; }
  }
  function xtag(e) { return e.namespaceURI === 'http://www.w3.org/1999/xhtml' ? e.nodeName.toLowerCase() : '*'; }
  // Selenium's link text: the element's rendered text, whitespace-collapsed and trimmed.
  function seleniumLinkText(a) {
    if (Element.prototype.checkVisibility && !a.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return '';
    return String(a.innerText || '').replace(/[\s\u00a0]+/g, ' ').trim();
  }

  // ---------------------------------------------------------------- containers for scoping repeated controls
  var CONTAINER_TAGS = ['LI', 'TR', 'ARTICLE', 'SECTION', 'FIELDSET', 'DIALOG', 'ASIDE', 'FORM'];
  var CONTAINER_ROLES = ['row', 'listitem', 'article', 'dialog', 'group', 'region', 'gridcell'];
  var CARDISH = /(^|[-_])(card|item|row|product|tile|entry|result|line|panel|cell|record|post)s?($|[-_])/i;
  function containerCss(e) {
    var t = tagOf(e), r = e.getAttribute('role');
    if (r && CONTAINER_ROLES.indexOf(r) >= 0) return '[role=' + r + ']';
    if (CONTAINER_TAGS.indexOf(t) >= 0) return t.toLowerCase();
    if (e.namespaceURI !== 'http://www.w3.org/1999/xhtml') return null;
    for (var i = 0; i < e.classList.length; i++)
      if (CARDISH.test(e.classList[i])) return t.toLowerCase() + '.' + CSS.escape(e.classList[i]);
    return null;
  }
  function containerXPath(e, css) {
    if (css[0] === '[') return "//*[@role='" + e.getAttribute('role') + "']";
    var dot = css.indexOf('.');
    if (dot < 0) return '//' + css;
    var cls = e.classList[Array.prototype.findIndex.call(e.classList, function (c) { return CARDISH.test(c); })];
    return '//' + css.slice(0, dot) + "[contains(concat(' ', normalize-space(@class), ' '), " + xq(' ' + cls + ' ') + ')]';
  }
  function containersOf(t, maxDepth) {
    var out = [];
    for (var e = parentOrHost(t), d = 0; e && d < maxDepth && !isBoring(e); e = parentOrHost(e), d++) {
      var css = containerCss(e);
      if (css) out.push({ el: e, css: css });
    }
    return out;
  }
  var HEADISH = /^(H[1-6]|STRONG|B|LABEL|LEGEND|TH|DT|CAPTION|FIGCAPTION)$/;
  // Short texts inside the container (outside the target) that may tell it apart: titles first.
  function snippetsOf(c, t, own) {
    var heads = [], rest = [];
    var els = [c].concat(allIn(c));
    for (var i = 0; i < els.length; i++) {
      var e = els[i];
      if (e === t || containsX(t, e) || skipText(e)) continue;
      var direct = '';
      for (var n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) direct += n.nodeValue;
      direct = norm(direct);
      if (!direct || direct.length < 2 || direct.length > 60 || !isVisible(e)) continue;
      if (own.indexOf(direct.toLowerCase()) >= 0) continue;
      var cls = typeof e.className === 'string' ? e.className : '';
      var head = HEADISH.test(tagOf(e)) || getRole(e) === 'heading' || /title|name|heading/i.test(cls);
      (head ? heads : rest).push(direct);
    }
    var seen = {}, out = [];
    heads.concat(rest).forEach(function (s) { if (!seen[s]) { seen[s] = 1; out.push(s); } });
    return out.slice(0, 10);
  }

  // ---------------------------------------------------------------- candidates
  function cand(kind, value, name, exact, scope, nth) {
    return { kind: kind, value: value, name: name == null ? null : name, exact: !!exact, scope: scope || null,
             nth: nth == null ? null : nth, count: 0 };
  }
  function measure(c, t) {
    var m = queryLocator(c);
    c.count = m.length;
    return { c: c, hit: m.indexOf(t) >= 0, index: m.indexOf(t) };
  }
  function playwrightCandidates(t, info, maxDepth) {
    var base = [];
    if (info.testId) base.push(cand('testId', info.testId, null, true));
    var pua = /^[\uE000-\uF8FF]+$/;
    if (info.role && info.role !== 'none' && info.role !== 'presentation') {
      if (info.name && !pua.test(info.name)) base.push(cand('role', info.role, info.name, true));
    }
    var seenL = {};
    labelTexts(t).forEach(function (l) {
      if (l.normalized && !seenL[l.normalized]) { seenL[l.normalized] = 1; base.push(cand('label', l.normalized, null, true)); }
    });
    var tg = tagOf(t);
    if ((tg === 'INPUT' || tg === 'TEXTAREA') && t.placeholder) base.push(cand('placeholder', t.placeholder, null, true));
    var altA = t.getAttribute('alt');
    if (altA && ['APPLET', 'AREA', 'IMG', 'INPUT'].indexOf(tg) >= 0) base.push(cand('altText', altA, null, true));
    var title = t.getAttribute('title');
    if (title) base.push(cand('title', title, null, true));
    var text = tg === 'SELECT' ? '' : elText(t).normalized;
    if (text && text.length <= 80) base.push(cand('text', text, null, true));
    if (info.role && info.role !== 'none' && info.role !== 'presentation' && !info.name) base.push(cand('role', info.role, null, false));

    var measured = base.map(function (c) { return measure(c, t); });
    var out = measured.map(function (m) { return m.c; });
    var good = measured.filter(function (m) { return m.hit && m.c.count === 1; });
    var idCss = t.id && stableId(t.id) && !/\d/.test(t.id) ? idSelector(t.id) : null;
    var path = cssPath(t);
    if (!good.length && idCss) {
      var mi = measure(cand('css', idCss, null, false), t);
      out.push(mi.c);
      if (mi.hit && mi.c.count === 1) good.push(mi);
    }
    if (!good.length) {
      // Scope a repeated control by its row/card: locator(css).filter(has_text=title).<inner>.
      var inners = measured.filter(function (m) { return m.hit && m.c.count > 1; }).map(function (m) { return m.c; });
      var own = [info.name, text, title, info.label].filter(Boolean).map(function (s) { return norm(s).toLowerCase(); });
      var conts = containersOf(t, maxDepth);
      var snip = new Map();
      var tries = 0;
      outer:
      for (var i = 0; i < inners.length; i++) {
        for (var j = 0; j < conts.length; j++) {
          if (!snip.has(conts[j].el)) snip.set(conts[j].el, snippetsOf(conts[j].el, t, own));
          var texts = snip.get(conts[j].el);
          for (var k = 0; k < texts.length && tries < 200; k++, tries++) {
            var inner = inners[i];
            var sc = cand(inner.kind, inner.value, inner.name, inner.exact, { css: conts[j].css, hasText: texts[k] });
            var ms = measure(sc, t);
            if (ms.hit && sc.count === 1) { out.push(sc); good.push(ms); break outer; }
          }
        }
      }
    }
    if (path && path !== idCss) {
      var mp = measure(cand('css', path, null, false), t);
      out.push(mp.c);
      if (mp.hit && mp.c.count === 1) good.push(mp);
    }
    if (!good.length) {
      // Last resort: the best locator that reaches the element, with .nth().
      var all = out.map(function (c) { return measure(cand(c.kind, c.value, c.name, c.exact, c.scope), t); })
        .filter(function (m) { return m.hit; });
      if (all.length) {
        var b = all[0].c;
        var nc = cand(b.kind, b.value, b.name, b.exact, b.scope, all[0].index);
        var mn = measure(nc, t);
        out.push(nc);
        if (mn.hit && nc.count === 1) good.push(mn);
      }
    }
    var chosen = null;
    for (var q = 0; q < out.length && !chosen; q++) {
      var g = good.find(function (m) { return m.c === out[q]; });
      if (g) chosen = g.c;
    }
    return { candidates: out, chosen: chosen };
  }

  function seleniumCandidates(t, info, maxDepth) {
    var out = [], good = [];
    var add = function (by, value, els) {
      if (!value) return;
      for (var i = 0; i < out.length; i++) if (out[i].by === by && out[i].value === value) return;
      if (els === null) return;
      var c = { by: by, value: value, count: els.length };
      out.push(c);
      if (els.length === 1 && els[0] === t) good.push(c);
    };
    var css = function (sel) { try { return Array.prototype.slice.call(document.querySelectorAll(sel)); } catch (err) { return null; } };
    var tg = tagOf(t), tag = xtag(t);
    if (t.id && stableId(t.id)) add('id', t.id, css('[id=' + quoteCss(t.id) + ']'));
    var nm = t.getAttribute('name');
    if (nm) add('name', nm, css('[name=' + quoteCss(nm) + ']'));
    if (tg === 'A') {
      var lt = seleniumLinkText(t);
      if (lt) add('link text', lt, Array.prototype.filter.call(document.getElementsByTagName('a'), function (a) { return seleniumLinkText(a) === lt; }));
    }
    if (t.id && stableId(t.id)) add('css selector', idSelector(t.id), css(idSelector(t.id)));
    if (nm) add('css selector', tag + '[name=' + quoteCss(nm) + ']', css(tag + '[name=' + quoteCss(nm) + ']'));
    var attrXp = [];
    ['data-testid', 'placeholder', 'aria-label', 'title', 'alt'].forEach(function (a) {
      var v = t.getAttribute(a);
      if (v) attrXp.push('//' + tag + '[@' + a + '=' + xq(v) + ']');
    });
    if (tg === 'A' && t.getAttribute('href') && t.getAttribute('href') !== '#')
      attrXp.push('//a[@href=' + xq(t.getAttribute('href')) + ']');
    if (tg === 'INPUT' && (t.type === 'checkbox' || t.type === 'radio') && nm && t.getAttribute('value') !== null)
      attrXp.push('//input[@name=' + xq(nm) + ' and @value=' + xq(t.getAttribute('value')) + ']');
    var wrap = tg === 'INPUT' || tg === 'SELECT' || tg === 'TEXTAREA' ? t.closest('label') : null;
    if (wrap && xpathString(wrap) && xpathString(wrap).length <= 80)
      attrXp.push('//label[normalize-space(.)=' + xq(xpathString(wrap)) + ']//' + tag);
    var xs = tg === 'SELECT' || tg === 'INPUT' || tg === 'TEXTAREA' ? '' : xpathString(t);
    var textXp = xs && xs.length <= 80 ? '//' + tag + '[normalize-space(.)=' + xq(xs) + ']' : null;
    var innerXps = attrXp.slice();
    if (textXp) innerXps.push(textXp);
    if (info.label && (tg === 'INPUT' || tg === 'SELECT' || tg === 'TEXTAREA') && t.id)
      innerXps.push('//' + tag + '[@id=//label[normalize-space(.)=' + xq(info.label) + ']/@for]');
    innerXps.forEach(function (xp) { add('xpath', xp, xpathAll(xp)); });
    // Only as the inner part of a row-scoped xpath: the control's tag (and input type).
    if (tg === 'INPUT' && t.getAttribute('type')) innerXps.push('//input[@type=' + xq(t.getAttribute('type')) + ']');
    else innerXps.push('//' + tag);
    if (!good.length) {
      var own = [info.name, info.text, info.label].filter(Boolean).map(function (s) { return norm(s).toLowerCase(); });
      var conts = containersOf(t, maxDepth), tries = 0;
      outer:
      for (var j = 0; j < conts.length; j++) {
        var texts = snippetsOf(conts[j].el, t, own);
        var cx = containerXPath(conts[j].el, conts[j].css);
        for (var k = 0; k < texts.length; k++) {
          // contains() first (as Selenium IDE writes it), then an exact descendant text for prefixes.
          var preds = ['[contains(normalize-space(.), ' + xq(texts[k]) + ')]', '[.//*[normalize-space(text())=' + xq(texts[k]) + ']]'];
          for (var pi = 0; pi < preds.length; pi++) {
            for (var i = 0; i < innerXps.length && tries < 200; i++, tries++) {
              var xp = cx + preds[pi] + innerXps[i];
              var els = xpathAll(xp);
              if (els && els.length === 1 && els[0] === t) { add('xpath', xp, els); break outer; }
            }
          }
        }
      }
    }
    var path = cssPath(t);
    if (path) add('css selector', path, css(path));
    // xpath:idRelative — positional path from the nearest ancestor with an id.
    var steps = [], e = t;
    while (e && e.nodeType === 1 && !(e !== t && e.id && stableId(e.id)) && tagOf(e) !== 'HTML') {
      var p = e.parentElement;
      if (!p) break;
      var same = Array.prototype.filter.call(p.children, function (s) { return s.nodeName === e.nodeName; });
      steps.unshift(xtag(e) + (same.length > 1 ? '[' + (same.indexOf(e) + 1) + ']' : ''));
      e = p;
    }
    if (e && e.nodeType === 1) {
      var head = tagOf(e) === 'HTML' ? '/html' : '//*[@id=' + xq(e.id) + ']';
      var rel = head + '/' + steps.join('/');
      add('xpath', rel, xpathAll(rel));
    }
    return { candidates: out, chosen: good.length ? out.find(function (c) { return good.indexOf(c) >= 0; }) : null };
  }

  // ---------------------------------------------------------------- public API
  function describe(e) {
    var tg = tagOf(e);
    var role = getRole(e);
    var labels = labelTexts(e);
    var info = {
      tag: tg.toLowerCase(),
      inputType: tg === 'INPUT' ? String(e.type || 'text').toLowerCase() : null,
      role: role,
      name: norm(accName(e, false)),
      text: tg === 'SELECT' ? null : (elText(e).normalized || null),
      label: labels.length && labels[0].normalized ? labels[0].normalized : null,
      placeholder: e.getAttribute('placeholder'),
      testId: e.getAttribute(TESTID_ATTR),
      id: e.id || null,
      nameAttr: e.getAttribute('name'),
      alt: e.getAttribute('alt'),
      title: e.getAttribute('title'),
      href: e.getAttribute('href'),
      value: null, checked: null,
      isPassword: tg === 'INPUT' && String(e.type).toLowerCase() === 'password',
      isSwitch: role === 'switch',
      options: null, selectedOption: null,
      box: box(e)
    };
    if (tg === 'INPUT' || tg === 'TEXTAREA' || tg === 'SELECT') info.value = e.value;
    else if (e.isContentEditable) info.value = e.innerText;
    if (tg === 'INPUT' && (e.type === 'checkbox' || e.type === 'radio')) info.checked = !!e.checked;
    else if (e.hasAttribute('aria-checked')) info.checked = e.getAttribute('aria-checked') === 'true' ? true : e.getAttribute('aria-checked') === 'mixed' ? 'mixed' : false;
    info.pressed = e.hasAttribute('aria-pressed') ? e.getAttribute('aria-pressed') === 'true' : null;
    if (tg === 'SELECT') {
      info.options = optionLabels(e);
      var so = e.selectedOptions && e.selectedOptions[0];
      info.selectedOption = so ? norm(so.label || so.text) : null;
    }
    return info;
  }
  function optionLabels(sel) {
    return Array.prototype.map.call(sel.options || [], function (o) { return norm(o.label || o.text); });
  }

  function identify(x, y, opts) {
    opts = opts || {};
    return run(function () {
      TESTID_ATTR = opts.testIdAttribute || 'data-testid';
      var maxDepth = opts.maxDepth || 12;
      var hit = hitAt(Number(x), Number(y));
      if (!hit) return { found: false, element: null, actionable: false, playwright: [], selenium: [], chosen: { playwright: null, selenium: null } };
      var target = findActionable(hit, maxDepth);
      var actionable = !!target;
      if (!target) target = hit;
      var res = describe(target);
      res.found = true;
      res.element = target;
      res.actionable = actionable;
      res.hitTag = tagOf(hit).toLowerCase();
      if (isBoring(target) || opts.candidates === false) {
        res.playwright = []; res.selenium = []; res.chosen = { playwright: null, selenium: null };
        return res;
      }
      var pw = playwrightCandidates(target, res, maxDepth);
      var se = opts.selenium === false ? { candidates: [], chosen: null } : seleniumCandidates(target, res, maxDepth);
      res.playwright = pw.candidates;
      res.selenium = se.candidates;
      res.chosen = { playwright: pw.chosen, selenium: se.chosen };
      return res;
    });
  }
  function count(loc) { return run(function () { return queryLocator(loc).length; }); }
  function resolve(loc) { return run(function () { var m = queryLocator(loc); return m.length === 1 ? m[0] : null; }); }
  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return ('0000000' + h.toString(16)).slice(-8);
  }
  function state() {
    return run(function () {
      var a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      var dialogs = allIn(document).filter(function (e) {
        var r = getRole(e);
        return (r === 'dialog' || r === 'alertdialog') && !hiddenForAria(e);
      }).length;
      return {
        url: location.href, scrollX: window.scrollX, scrollY: window.scrollY,
        activeElement: a ? { tag: tagOf(a).toLowerCase(), id: a.id || null, name: a.getAttribute('name') } : null,
        domSize: document.getElementsByTagName('*').length,
        textHash: hash(document.body ? document.body.innerText : ''),
        openDialogs: dialogs
      };
    });
  }
  function visibleText(text) {
    return run(function () {
      var m = textMatcher(text, true);
      return allIn(document).some(function (e) { return matchesText(e, m) === 'self' && isVisible(e); });
    });
  }
  function fieldBox(e) { return e && e.getBoundingClientRect ? box(tagOf(e) === 'LABEL' && e.control ? e.control : e) : null; }
  function options(sel) { return sel && sel.options ? optionLabels(sel) : null; }
  function roleAndName(e) { return run(function () { return { role: getRole(e), name: norm(accName(e, false)) }; }); }

  return { version: VERSION, identify: identify, count: count, resolve: resolve, state: state,
           visibleText: visibleText, fieldBox: fieldBox, options: options, roleAndName: roleAndName };
})();
