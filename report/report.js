// The run report: draws the header, the stress map, the charts and the tables from the JSON
// embedded in the page (docs/outputs.md, "report.html"). No network access, no library.
(function () {
  'use strict';

  var errors = [];
  var statusBox = document.getElementById('report-status');
  function setStatus(text) { statusBox.textContent = text; }
  window.addEventListener('error', function (e) {
    errors.push(e.message || String(e));
    setStatus('error: ' + errors.join(' | '));
  });

  var D = JSON.parse(document.getElementById('report-data').textContent);
  var state = { scenario: 0, policy: 0, hydrograph: 'seasonal' };
  var SVG = 'http://www.w3.org/2000/svg'; // the SVG namespace name, not a resource
  // Stress classes 1-5 (docs/stress.md): ColorBrewer RdYlGn, reversed.
  var CLASS_COLORS = ['#1a9850', '#a6d96a', '#fee08b', '#fc8d59', '#d73027'];
  var CLASS_NAMES = ['1 low (score < 1)', '2 low-medium (1-2)', '3 medium-high (2-3)',
                     '4 high (3-4)', '5 extremely high (4-5)'];
  // Okabe-Ito colours, distinguishable with colour-blindness.
  var SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9',
                       '#000000', '#F0E442'];
  var MONTHS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];

  // ---- small DOM helpers ----
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function svg(tag, attrs, children) {
    var e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function setAttrs(e, attrs) {
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    }
  }
  function append(e, children) {
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
  }
  function isNum(x) { return typeof x === 'number' && isFinite(x); }
  function fmt(x, unit) {
    if (!isNum(x)) return '—';
    var a = Math.abs(x);
    var digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    var text = x.toLocaleString('en-US', { maximumFractionDigits: digits,
                                           minimumFractionDigits: 0 });
    return unit ? text + ' ' + unit : text;
  }
  function signed(x, unit) {
    return isNum(x) && x > 0 && fmt(x) !== '0' ? '+' + fmt(x, unit) : fmt(x, unit);
  }
  function scenarioName(s) { return D.scenarios[s].name; }
  function policyName(p) { return D.policies[p].name; }

  // ---- header and footer ----
  function header() {
    var pv = D.provenance;
    var h = document.getElementById('report-header');
    var period = (pv.start || '?') + ' to ' + (pv.end || '?');
    append(h, [
      el('h1', { text: pv.study || 'riparia run' }),
      el('div', { class: 'subtitle', text: 'Basin: ' + pv.basin + ' — water allocation and ' +
                  'conflict-stress report' }),
      el('div', { class: 'facts' }, [
        fact('Period', period + ' (' + (pv.output_period || 'monthly') + ' results)'),
        fact('Scenarios', String(D.scenarios.length)),
        fact('Policies', String(D.policies.length) + ' (baseline: ' + policyName(0) + ')'),
        fact('Ensemble members', String(D.members)),
        fact('Run', (pv.finished_utc || '').replace('T', ' ').replace('Z', ' UTC') +
             ', riparia ' + pv.version)])]);
    var inputs = pv.inputs.map(function (i) { return i.role + ' ' + i.file + ' (' + i.sha256 + ')'; });
    var f = document.getElementById('report-footer');
    append(f, [
      el('p', { text: 'Provenance: riparia ' + pv.version + ', run started ' + pv.started_utc +
                ', finished ' + pv.finished_utc + ' (' + fmt(pv.total_s) + ' s). Inputs and the ' +
                'first 12 hex digits of their SHA-256: ' + inputs.join('; ') + '.' }),
      el('p', { text: 'Water balance: worst relative residual over all runs ' +
                (isNum(pv.worst_relative_residual) ? pv.worst_relative_residual.toExponential(1)
                                                  : '—') +
                '. Full figures: results.nc, run.json, stress.csv, stress.json and layers.gpkg ' +
                'in the same folder.' })]);
  }
  function fact(name, value) { return el('span', {}, [el('b', { text: name + ': ' }), value]); }

  function section(id, title, lead) {
    var s = el('section', { id: id }, [el('h2', { text: title })]);
    if (lead) s.appendChild(el('p', { class: 'lead', text: lead }));
    document.getElementById('report-main').appendChild(s);
    return s;
  }

  // ---- selectors ----
  function controls() {
    var bar = el('div', { class: 'controls' });
    bar.appendChild(selector('Scenario', D.scenarios, 'scenario'));
    bar.appendChild(selector('Policy', D.policies, 'policy'));
    var desc = el('div', { class: 'policy-description', id: 'selection-description' });
    bar.appendChild(desc);
    document.getElementById('report-main').appendChild(bar);
  }
  function selector(label, items, key) {
    var select = el('select', { id: 'select-' + key });
    items.forEach(function (item, i) {
      select.appendChild(el('option', { value: String(i), text: item.name }));
    });
    select.addEventListener('change', function () {
      state[key] = Number(select.value);
      redraw();
    });
    return el('label', { text: label }, [select]);
  }
  function describeSelection() {
    var s = D.scenarios[state.scenario], p = D.policies[state.policy];
    document.getElementById('selection-description').textContent =
        'Scenario "' + s.name + '"' + (s.description ? ': ' + s.description : '') +
        ' — Policy "' + p.name + '"' + (p.description ? ': ' + p.description : '');
  }

  // ---- stress rows ----
  function stressRows(level) {
    var s = scenarioName(state.scenario), p = policyName(state.policy);
    return D.stress.filter(function (r) {
      return r.level === level && r.scenario === s && r.policy === p;
    });
  }
  function stressOf(unit) {
    var rows = stressRows('unit').filter(function (r) { return r.item === unit; });
    return rows.length ? rows[0] : null;
  }

  // ---- map ----
  var mapBody, mapDetails;
  function mapSection() {
    var s = section('map', 'Conflict-stress map of the basin-country units',
                    'Each basin-country unit is coloured by the stress class of the members\' ' +
                    'median score (0-5, docs/stress.md) for the scenario and policy selected ' +
                    'above. Hover over a unit for its score, the spread across members and the ' +
                    'reasons. Circles mark where the river crosses a border.');
    if (!D.map.units) {
      s.appendChild(el('p', { class: 'note warning', text: D.map.note }));
      return;
    }
    var legend = el('div', { class: 'legend' }, CLASS_NAMES.map(function (name, i) {
      return el('span', {}, [el('span', { class: 'swatch', style: 'background:' + CLASS_COLORS[i] }), name]);
    }));
    legend.appendChild(el('span', {}, [el('span', { class: 'swatch', style: 'background:#c8c8c8' }),
                                       'not scored']));
    mapBody = el('div');
    mapDetails = el('div', { id: 'map-details', text: 'Hover over a unit for its details.' });
    append(s, [legend, el('div', { class: 'map-wrap' }, [mapBody, mapDetails])]);
    drawMap();
  }
  // Equirectangular projection, x scaled by cos(mean latitude) so shapes keep their aspect.
  function projection(units, width, maxHeight) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    units.forEach(function (u) {
      u.rings.forEach(function (ring) {
        ring.forEach(function (p) {
          b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]);
          b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]);
        });
      });
    });
    var k = Math.cos((b[1] + b[3]) / 2 * Math.PI / 180);
    var w = Math.max((b[2] - b[0]) * k, 1e-6), h = Math.max(b[3] - b[1], 1e-6);
    var scale = Math.min((width - 20) / w, (maxHeight - 20) / h);
    return { width: w * scale + 20, height: h * scale + 20,
             xy: function (p) { return [10 + (p[0] - b[0]) * k * scale, 10 + (b[3] - p[1]) * scale]; } };
  }
  function ringPath(ring, proj) {
    return ring.map(function (p, i) {
      var q = proj.xy(p);
      return (i ? 'L' : 'M') + q[0].toFixed(1) + ' ' + q[1].toFixed(1);
    }).join('') + 'Z';
  }
  function drawMap() {
    if (!mapBody) return;
    var proj = projection(D.map.units, 760, 640);
    var root = svg('svg', { width: proj.width.toFixed(0), height: proj.height.toFixed(0),
                            viewBox: '0 0 ' + proj.width.toFixed(1) + ' ' + proj.height.toFixed(1),
                            role: 'img', 'aria-label': 'map of stress classes' });
    D.map.units.forEach(function (u) {
      var row = stressOf(u.unit);
      var path = svg('path', { class: 'unit', 'data-unit': u.unit, 'fill-rule': 'evenodd',
                               d: u.rings.map(function (r) { return ringPath(r, proj); }).join(''),
                               fill: row ? CLASS_COLORS[row['class'] - 1] : '#c8c8c8' });
      path.addEventListener('mouseenter', function () { showUnit(u.unit, row); });
      root.appendChild(path);
    });
    D.map.units.forEach(function (u) { root.appendChild(unitLabel(u, proj)); });
    (D.map.border_points || []).forEach(function (b) {
      var q = proj.xy(b.lonlat);
      root.appendChild(svg('circle', { cx: q[0], cy: q[1], r: 4, fill: '#fff', stroke: '#1d2733',
                                       'stroke-width': 1.5 },
                           [svg('title', { text: b.node + ': ' + b.from + ' -> ' + b.to })]));
    });
    mapBody.replaceChildren(root);
  }
  function unitLabel(u, proj) {
    var largest = u.rings.reduce(function (a, r) { return r.length > a.length ? r : a; }, []);
    var x = 0, y = 0;
    largest.forEach(function (p) { var q = proj.xy(p); x += q[0]; y += q[1]; });
    var n = Math.max(largest.length, 1);
    return svg('text', { x: (x / n).toFixed(1), y: (y / n).toFixed(1), 'text-anchor': 'middle',
                         'font-size': 11, 'font-weight': 600, 'pointer-events': 'none',
                         text: u.unit });
  }
  function showUnit(unit, row) {
    var parts = [el('h3', { text: unit })];
    if (!row) {
      parts.push(el('p', { text: 'Not scored for this scenario and policy.' }));
    } else {
      parts.push(el('p', { text: 'Class ' + CLASS_NAMES[row['class'] - 1] + '; score ' +
                           fmt(row.median) + ' (members P10-P90: ' + fmt(row.p10) + ' to ' +
                           fmt(row.p90) + '); share of members at risk (class 4 or 5): ' +
                           fmt(100 * row.share_at_risk) + ' %' + (row.flag ? ' — FLAGGED' : '') }));
      parts.push(el('ul', {}, row.reasons.map(function (r) { return el('li', { text: r }); })));
    }
    mapDetails.replaceChildren.apply(mapDetails, parts);
  }

  // ---- generic line chart: x positions 0..n-1, series with median and optional band ----
  function niceTicks(lo, hi, count) {
    var raw = (hi - lo || Math.abs(hi) || 1) / count;
    var magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    var norm = raw / magnitude;
    var step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
    var ticks = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(t);
    return ticks;
  }
  function lineChart(opt) {
    var W = opt.width || 380, H = opt.height || 220, L = 58, R = 10, T = 10, B = 34;
    var values = [];
    opt.series.forEach(function (s) {
      ['median', 'p10', 'p90'].forEach(function (k) {
        (s[k] || []).forEach(function (v) { if (isNum(v)) values.push(v); });
      });
    });
    var lo = Math.min(0, Math.min.apply(null, values.concat([0])));
    var hi = Math.max.apply(null, values.concat([lo + 1e-9]));
    var ticks = niceTicks(lo, hi, 5);
    hi = Math.max(hi, ticks[ticks.length - 1]);
    var n = opt.n;
    function x(i) { return L + (n > 1 ? i / (n - 1) : 0.5) * (W - L - R); }
    function y(v) { return T + (hi - v) / (hi - lo || 1) * (H - T - B); }
    var root = svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H });
    ticks.forEach(function (t) {
      root.appendChild(svg('line', { class: 'gridline', x1: L, x2: W - R, y1: y(t), y2: y(t) }));
      root.appendChild(svg('text', { class: 'tick', x: L - 4, y: y(t) + 4, 'text-anchor': 'end',
                                     text: fmt(t) }));
    });
    opt.xTicks.forEach(function (t) {
      root.appendChild(svg('text', { class: 'tick', x: x(t[0]), y: H - B + 14,
                                     'text-anchor': 'middle', text: t[1] }));
    });
    root.appendChild(svg('text', { class: 'axis-title', x: 12, y: T + (H - T - B) / 2,
                                   transform: 'rotate(-90 12 ' + (T + (H - T - B) / 2) + ')',
                                   'text-anchor': 'middle', text: opt.yTitle }));
    root.appendChild(svg('text', { class: 'axis-title', x: L + (W - L - R) / 2, y: H - 4,
                                   'text-anchor': 'middle', text: opt.xTitle }));
    root.appendChild(svg('line', { class: 'axis', x1: L, x2: W - R, y1: y(lo), y2: y(lo),
                                   stroke: '#8894a0' }));
    opt.series.forEach(function (s) {
      if (s.p10 && s.p90) {
        var band = pathOf(s.p90, x, y, false);
        var lower = pathOf(s.p10.slice().reverse(), function (i) { return x(n - 1 - i); }, y, true);
        if (band && lower) {
          root.appendChild(svg('path', { d: band + lower + 'Z', fill: s.color, 'fill-opacity': 0.15,
                                         stroke: 'none' }));
        }
      }
      var d = pathOf(s.median, x, y, false);
      if (d) root.appendChild(svg('path', { d: d, fill: 'none', stroke: s.color, 'stroke-width': 1.8 },
                                  [svg('title', { text: s.name })]));
    });
    return root;
  }
  // A polyline through the finite values (a gap starts a new piece unless `continued`).
  function pathOf(values, x, y, continued) {
    var d = '', pen = continued;
    values.forEach(function (v, i) {
      if (!isNum(v)) { pen = false; return; }
      d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1);
      pen = true;
    });
    return d;
  }
  function seriesLegend(names) {
    return el('div', { class: 'legend' }, names.map(function (name, i) {
      return el('span', {}, [el('span', { class: 'swatch',
                                          style: 'background:' + SERIES_COLORS[i % SERIES_COLORS.length] }),
                             name]);
    }));
  }

  // ---- hydrographs ----
  var hydroBody;
  function hydrographSection() {
    var s = section('hydrographs', 'Flow where the river crosses a border',
                    'Discharge at each border crossing and outlet under the baseline policy "' +
                    policyName(0) + '", one colour per scenario: the members\' median (line) and ' +
                    'their 10th-90th percentile band. Seasonal cycle: the mean of each calendar ' +
                    'month over the period; year by year: calendar-year means.');
    var select = el('select', { id: 'select-hydrograph' }, [
      el('option', { value: 'seasonal', text: 'seasonal cycle (mean of each month)' }),
      el('option', { value: 'annual', text: 'year by year (annual means)' })]);
    select.addEventListener('change', function () { state.hydrograph = select.value; drawHydrographs(); });
    hydroBody = el('div', { class: 'grid' });
    append(s, [el('label', { text: 'View: ' }, [select]),
               seriesLegend(D.scenarios.map(function (x) { return 'scenario ' + x.name; })), hydroBody]);
    drawHydrographs();
  }
  function drawHydrographs() {
    var annual = state.hydrograph === 'annual', years = D.borders.years;
    var cards = D.borders.nodes.map(function (node) {
      var series = D.scenarios.map(function (sc, i) {
        var b = node[annual ? 'annual' : 'seasonal'][i];
        return { name: sc.name, color: SERIES_COLORS[i % SERIES_COLORS.length],
                 median: b.median, p10: b.p10, p90: b.p90 };
      });
      var n = annual ? years.length : 12, xTicks = [];
      if (annual) {
        var every = Math.max(1, Math.ceil(n / 6));
        for (var i = 0; i < n; i += every) xTicks.push([i, String(years[i])]);
      } else {
        MONTHS.forEach(function (m, i) { xTicks.push([i, m]); });
      }
      return el('div', { class: 'card' }, [
        el('h3', { text: node.name + ' (' + node.node + '), ' + node.label }),
        lineChart({ n: n, series: series, xTicks: xTicks, yTitle: 'discharge, m³/s',
                    xTitle: annual ? 'year' : 'month' })]);
    });
    if (!cards.length) cards = [el('p', { class: 'note', text: 'No discharge in results.nc.' })];
    hydroBody.replaceChildren.apply(hydroBody, cards);
  }

  // ---- reservoir storage ----
  var storageBody;
  function storageSection() {
    var st = D.storage;
    if (!st.reservoirs.length || !st.median_hm3.length) return;
    var s = section('storage', 'Reservoir storage by policy',
                    'Storage at the end of each month, the members\' median, for the scenario ' +
                    'selected above; one colour per policy (a reservoir a policy does not have ' +
                    'is left out).');
    storageBody = el('div', { class: 'grid' });
    append(s, [seriesLegend(D.policies.map(function (p) { return 'policy ' + p.name; })), storageBody]);
    drawStorage();
  }
  function drawStorage() {
    if (!storageBody) return;
    var st = D.storage, perPolicy = st.median_hm3[state.scenario];
    var n = perPolicy[0][0].length, xTicks = [];
    var every = Math.max(12, Math.ceil(n / 72) * 12);
    for (var i = (13 - st.first_month) % 12; i < n; i += every) {
      xTicks.push([i, String(st.first_year + Math.floor((st.first_month - 1 + i) / 12))]);
    }
    var cards = st.reservoirs.map(function (id, r) {
      var series = D.policies.map(function (p, k) {
        return { name: p.name, color: SERIES_COLORS[k % SERIES_COLORS.length], median: perPolicy[k][r] };
      });
      return el('div', { class: 'card' }, [
        el('h3', { text: id }),
        lineChart({ n: n, series: series, xTicks: xTicks, yTitle: 'storage, hm³', xTitle: 'year' })]);
    });
    storageBody.replaceChildren.apply(storageBody, cards);
  }

  // ---- tables ----
  function spreadCell(v, unit, signedValue) {
    if (!v || !isNum(v.median)) return el('td', { text: '—' });
    var show = signedValue ? signed : fmt;
    var range = v.p10 === v.p90 ? null
                : el('span', { class: 'range', text: 'P10-P90 ' + show(v.p10) + ' to ' + show(v.p90) });
    return el('td', {}, [show(v.median, unit), range]);
  }
  function table(headers, rows) {
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, headers.map(function (h, i) {
        return el('th', { class: i ? null : 'label', text: h });
      }))]),
      el('tbody', {}, rows)]);
  }

  // Per country: stress score bars and the reliability / shortage table.
  var countryBody;
  function countrySection() {
    var s = section('countries', 'Stress and water supply by country',
                    'Stress score of each basin-country unit (median with the members\' ' +
                    '10th-90th percentiles; classes as on the map) for the selected scenario ' +
                    'and policy, and per policy the reliability of supply: the share of months ' +
                    'in which a country\'s demands lack more than 10 % of what they request, and ' +
                    'the share of the requested volume not delivered.');
    countryBody = el('div');
    s.appendChild(countryBody);
    drawCountries();
  }
  function stressBars() {
    var rows = stressRows('unit').concat(stressRows('pair'));
    if (!rows.length) return el('p', { class: 'note', text: 'No stress rows for this selection.' });
    var W = 620, rowH = 20, L = 110, H = rows.length * rowH + 36;
    var x = function (v) { return L + v / 5 * (W - L - 20); };
    var root = svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H });
    [0, 1, 2, 3, 4, 5].forEach(function (t) {
      root.appendChild(svg('line', { class: 'gridline', x1: x(t), x2: x(t), y1: 4, y2: H - 30 }));
      root.appendChild(svg('text', { class: 'tick', x: x(t), y: H - 16, 'text-anchor': 'middle',
                                     text: String(t) }));
    });
    root.appendChild(svg('text', { class: 'axis-title', x: x(2.5), y: H - 2, 'text-anchor': 'middle',
                                   text: 'stress score (0-5)' }));
    rows.forEach(function (r, i) {
      var y = 6 + i * rowH;
      append(root, [
        svg('text', { x: L - 6, y: y + 12, 'text-anchor': 'end', 'font-size': 12, text: r.item }),
        svg('rect', { x: L, y: y + 2, width: Math.max(0, x(r.median) - L), height: rowH - 6,
                      fill: CLASS_COLORS[r['class'] - 1] },
            [svg('title', { text: r.item + ': ' + fmt(r.median) })]),
        svg('line', { x1: x(r.p10), x2: x(r.p90), y1: y + rowH / 2 - 1, y2: y + rowH / 2 - 1,
                      stroke: '#1d2733', 'stroke-width': 1.5 })]);
    });
    return root;
  }
  function countryTable(title, prefix, sp) {
    var rows = D.demand_countries.map(function (c) {
      return el('tr', {}, [el('td', { class: 'label', text: c })].concat(
          D.policies.map(function (p, k) { return spreadCell(sp[k][prefix + c], '%'); })));
    });
    return el('div', { class: 'table-card' }, [el('h3', { text: title }),
        table(['Country'].concat(D.policies.map(function (p) { return p.name; })), rows)]);
  }
  function drawCountries() {
    var sp = D.figures[state.scenario], name = scenarioName(state.scenario);
    countryBody.replaceChildren(
        el('h3', { text: 'Stress score by unit and border pair — scenario ' + name + ', policy ' +
                   policyName(state.policy) }),
        stressBars(),
        D.demand_countries.length
            ? el('div', { class: 'grid' }, [
                countryTable('Months with more than 10 % of the demand unmet, % — scenario ' + name,
                             'reliability ', sp),
                countryTable('Requested volume not delivered, % — scenario ' + name, 'shortage ', sp)])
            : el('p', { class: 'note', text: 'No demands in this study.' }));
  }

  // Agreements: delivered / required per policy.
  var complianceBody;
  function complianceSection() {
    if (!Object.keys(D.agreements).length) return;
    var s = section('compliance', 'Compliance with agreements and environmental flows',
                    'Water delivered as a share of what each agreement or environmental flow ' +
                    'requires over the whole period, the members\' median and 10th-90th ' +
                    'percentiles, per policy, for the selected scenario.');
    complianceBody = el('div');
    s.appendChild(complianceBody);
    drawCompliance();
  }
  function drawCompliance() {
    if (!complianceBody) return;
    var sp = D.figures[state.scenario];
    var rows = Object.keys(D.agreements).map(function (id) {
      return el('tr', {}, [el('td', { class: 'label', text: D.agreements[id] + ' (' + id + ')' })].concat(
          D.policies.map(function (p, k) { return spreadCell(sp[k]['compliance ' + id], '%'); })));
    });
    complianceBody.replaceChildren(table(['Agreement'].concat(D.policies.map(function (p) {
      return 'policy ' + p.name;
    })), rows));
  }

  // ---- what-if ----
  var whatifBody;
  var FIGURE_GROUPS = [
    { prefix: 'flow ', title: 'Mean flow at the border, m³/s', unit: 'm³/s', worse: -1 },
    { prefix: 'shortage ', title: 'Demand not delivered, % of the requested volume', unit: '%', worse: 1 },
    { prefix: 'reliability ', title: 'Months with more than 10 % of the demand unmet, %', unit: '%', worse: 1 },
    { prefix: 'compliance ', title: 'Agreement compliance, % of the required volume', unit: '%', worse: -1 }];
  function whatifSection() {
    if (D.policies.length < 2) return;
    var s = section('whatif', 'What if: each policy against the baseline policy',
                    'For the selected scenario: the baseline policy "' + policyName(0) + '" ' +
                    '(members\' median) and, for every other policy, the change against it — the ' +
                    'median of the member-by-member differences (same weather, different policy) ' +
                    'with their 10th-90th percentiles. Red: worse for the country or the ' +
                    'agreement; green: better. The stress score change is that of the medians.');
    whatifBody = el('div');
    s.appendChild(whatifBody);
    drawWhatif();
  }
  function flowLabel(key) {
    var id = key.slice(5);
    var node = D.borders.nodes.filter(function (n) { return n.node === id; })[0];
    return node ? node.name + ' (' + id + '), ' + node.label : id;
  }
  function whatifRows(group) {
    var base = D.figures[state.scenario][0], diff = D.differences[state.scenario];
    var keys = Object.keys(base).filter(function (k) { return k.indexOf(group.prefix) === 0; });
    if (group.prefix === 'flow ') {
      var order = D.borders.nodes.map(function (n) { return 'flow ' + n.node; });
      keys.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    }
    var rows = keys.filter(function (k) { return isNum(base[k].median) || D.policies.some(
        function (p, i) { return i > 0 && diff[i][k] && isNum(diff[i][k].median); }); });
    if (!rows.length) return [];
    return [el('tr', { class: 'group' }, [el('td', { colspan: D.policies.length + 1, text: group.title })])]
        .concat(rows.map(function (k) {
          var label = group.prefix === 'flow ' ? flowLabel(k)
                    : group.prefix === 'compliance ' ? (D.agreements[k.slice(11)] || k.slice(11))
                    : k.slice(group.prefix.length);
          var cells = [el('td', { class: 'label', text: label }), spreadCell(base[k], group.unit)];
          for (var p = 1; p < D.policies.length; ++p) {
            var cell = spreadCell(diff[p][k], group.unit, true);
            var m = diff[p][k] && diff[p][k].median;
            if (isNum(m) && Math.abs(m) > 1e-9) cell.className = m * group.worse > 0 ? 'worse' : 'better';
            cells.push(cell);
          }
          return el('tr', {}, cells);
        }));
  }
  function stressChangeRows() {
    var s = scenarioName(state.scenario);
    var units = D.stress.filter(function (r) { return r.level === 'unit' && r.scenario === s &&
                                                      r.policy === policyName(0); });
    if (!units.length) return [];
    return [el('tr', { class: 'group' }, [el('td', { colspan: D.policies.length + 1,
                                                     text: 'Stress score (0-5), median over the members' })])]
        .concat(units.map(function (u) {
          var cells = [el('td', { class: 'label', text: u.item }), el('td', { text: fmt(u.median) })];
          for (var p = 1; p < D.policies.length; ++p) {
            var other = D.stress.filter(function (r) {
              return r.level === 'unit' && r.scenario === s && r.policy === policyName(p) &&
                     r.item === u.item;
            })[0];
            var change = other ? other.median - u.median : NaN;
            var cell = el('td', { text: isNum(change) ? signed(change) : 'not scored' });
            if (isNum(change) && Math.abs(change) >= 0.005) cell.className = change > 0 ? 'worse' : 'better';
            cells.push(cell);
          }
          return el('tr', {}, cells);
        }));
  }
  function drawWhatif() {
    if (!whatifBody) return;
    var headers = ['Figure', 'baseline: ' + policyName(0)].concat(
        D.policies.slice(1).map(function (p) { return 'change with ' + p.name; }));
    var rows = [];
    FIGURE_GROUPS.forEach(function (g) { rows = rows.concat(whatifRows(g)); });
    rows = rows.concat(stressChangeRows());
    whatifBody.replaceChildren(el('h3', { text: 'Scenario ' + scenarioName(state.scenario) }),
                               table(headers, rows));
  }

  function redraw() {
    describeSelection();
    drawMap();
    drawStorage();
    drawCountries();
    drawCompliance();
    drawWhatif();
  }

  header();
  controls();
  mapSection();
  countrySection();
  hydrographSection();
  storageSection();
  complianceSection();
  whatifSection();
  redraw();
  if (!errors.length) setStatus('ok');
})();
