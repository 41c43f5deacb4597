// Checks what a caller hands window.aio before anything reaches the wasm app: kinds, nesting,
// sizes and text. A failed check throws one Error naming the argument (its path inside params)
// and the limit; a passed one returns a plain-JSON copy, each property read exactly once.
(function () {
  'use strict';
  const limits = Object.freeze({
    name: 64,          // characters in a demo, view or parameter name
    depth: 32,         // lists and objects nested inside one another, params itself included
    values: 10000,     // values in params: every list item and object entry
    text: 65536,       // characters of text in params, all strings together
  });
  const plainKinds = 'plain JSON data (an object, a list, text, a finite number, a boolean or null)';

  const count = (n) => n.toLocaleString('en-US');
  const clip = (s, n = 40) => (s.length > n ? s.slice(0, n) + '…' : s);

  const ours = new WeakSet();   // the Errors raised here, told apart from what a caller's code throws
  function fail(api, message) {
    const e = new Error(`${api}: ${message}`);
    ours.add(e);
    throw e;
  }

  // What a thrown value says, without trusting it (its toString may throw too).
  function messageOf(e) {
    try { return clip(String(e instanceof Error ? e.message : e), 120); } catch { return 'an exception'; }
  }

  // The name of the constructor a prototype declares as its own, or ''. May throw (a Proxy).
  function ownConstructorName(proto) {
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor');
    const name = ctor && typeof ctor.value === 'function' ? ctor.value.name : '';
    return typeof name === 'string' ? name : '';
  }

  // Plain data from any realm (a same-origin lesson page's objects have that page's Object and
  // Array): an object whose prototype is null or some realm's Object.prototype, a list whose
  // prototype is some realm's Array.prototype. Class instances and Array subclasses are not.
  // May throw (a Proxy).
  function isPlainObject(v) {
    const proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype ||
           (Object.getPrototypeOf(proto) === null && ownConstructorName(proto) === 'Object');
  }
  function isPlainList(v) {
    const proto = Object.getPrototypeOf(v);
    return proto === Array.prototype || (proto !== null && Array.isArray(proto) && ownConstructorName(proto) === 'Array');
  }

  // What kind of value v is, in words ("a Map", "an instance of Point"). Never throws.
  function kindOf(v) {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'undefined': return 'undefined';
      case 'string': return 'text';
      case 'boolean': return 'a boolean';
      case 'number': return Number.isFinite(v) ? 'a number' : String(v);
      case 'bigint': return 'a BigInt';
      case 'symbol': return 'a symbol';
      case 'function': return 'a function';
    }
    try {
      if (Array.isArray(v)) return isPlainList(v) ? 'a list' : 'a list subclass';
      if (isPlainObject(v)) return 'an object';
      const tag = Object.prototype.toString.call(v).slice(8, -1);   // Date, Map, RegExp, Promise, ...
      if (tag !== 'Object') return (/^[AEIOU]/.test(tag) ? 'an ' : 'a ') + clip(tag);
      const name = ownConstructorName(Object.getPrototypeOf(v));
      return name ? `an instance of ${clip(name)}` : 'an object with a prototype';
    } catch (e) {
      return `an object that cannot be read (${messageOf(e)})`;
    }
  }

  // A short description of v for "got ...": the value itself when it is short and printable.
  function describe(v) {
    switch (typeof v) {
      case 'string': return v.length > 40 ? `${JSON.stringify(clip(v))} (${count(v.length)} characters)` : JSON.stringify(v);
      case 'number': case 'boolean': return String(v);
      case 'bigint': return `a BigInt (${clip(String(v))}n)`;
      case 'symbol': return `a symbol (${clip(String(v))})`;
    }
    return kindOf(v);
  }

  // Text the app can take whole: within `max` characters, no NUL (C strings end there), and
  // well-formed UTF-16 (a lone surrogate has no UTF-8 encoding).
  function checkText(api, where, s, max) {
    if (s.length > max) fail(api, `${where} must be at most ${count(max)} characters, got ${count(s.length)}`);
    const nul = s.indexOf('\0');
    if (nul >= 0) fail(api, `${where} must not contain NUL (\\u0000), found at index ${nul}`);
    const lone = s.search(/\p{Surrogate}/u);
    if (lone >= 0)
      fail(api, `${where} must be well-formed Unicode, found a lone surrogate \\u${s.charCodeAt(lone).toString(16)} at index ${lone}`);
  }

  // A demo, view or parameter name: text of at most limits.name characters. `expected` says
  // which names are meant, for the message when v is not text.
  function name(api, what, v, expected = 'a name from aio.demos()') {
    if (typeof v !== 'string') fail(api, `${what} must be ${expected}, got ${describe(v)}`);
    checkText(api, what, v, limits.name);
    return v;
  }

  const member = (where, key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${where}.${key}` : `${where}[${JSON.stringify(key)}]`);

  // The plain-JSON copy of `value`, called `where` in messages ("params"), or an Error naming
  // the offending part: "aio.run: params.ids[0][0] is nested deeper than 32".
  function data(api, where, value) {
    const used = { values: 0, text: 0 };
    const entered = [];   // objects in the order they were entered, to find a Proxy afterwards
    const open = new Map();   // the objects enclosing the one being read, to their paths

    // A list's length and the own properties of v as [key, descriptor], read once; a throwing
    // Proxy trap lands here.
    function entries(v, at, isList) {
      try {
        if (!(isList ? isPlainList(v) : isPlainObject(v)))
          fail(api, `${at} must be ${plainKinds}, got ${kindOf(v)}`);
        const n = isList ? v.length : 0;
        if (isList && n > limits.values - used.values)
          fail(api, `${at} has ${count(n)} items; params may hold at most ${count(limits.values)} values in all`);
        const keys = Reflect.ownKeys(v);
        const own = keys.length - (isList ? 1 : 0);   // a list's keys include its length
        if (own > limits.values - used.values)
          fail(api, `${at} has ${count(own)} properties; params may hold at most ${count(limits.values)} values in all`);
        return { length: n, props: keys.map((k) => [k, Object.getOwnPropertyDescriptor(v, k)]) };
      } catch (e) {
        if (ours.has(e)) throw e;
        return fail(api, `${at} could not be read (${messageOf(e)})`);
      }
    }

    function walk(v, at, depth) {
      switch (typeof v) {
        case 'string':
          checkText(api, at, v, limits.text);
          if (used.text + v.length > limits.text)
            fail(api, `${where} must hold at most ${count(limits.text)} characters of text in all; ${at} brings it to ${count(used.text + v.length)}`);
          used.text += v.length;
          return v;
        case 'number':
          if (!Number.isFinite(v)) fail(api, `${at} must be a finite number, got ${v}`);
          return v;
        case 'boolean':
          return v;
        case 'object':
          if (v === null) return v;
          break;
        default:
          fail(api, `${at} must be ${plainKinds}, got ${describe(v)}`);
      }
      if (open.has(v)) fail(api, `${at} refers back to ${open.get(v)}; params must not contain cycles`);
      if (depth > limits.depth) fail(api, `${at} is nested deeper than ${limits.depth}`);
      entered.push([v, at]);
      open.set(v, at);
      let isList;
      try { isList = Array.isArray(v); } catch (e) { fail(api, `${at} could not be read (${messageOf(e)})`); }
      const { length, props } = entries(v, at, isList);
      const out = isList ? [] : Object.create(null);   // no prototype: a "__proto__" key stays a key
      for (const [key, desc] of props) {
        if (isList && key === 'length') continue;
        if (typeof key === 'symbol') fail(api, `${at} has a symbol key (${clip(String(key))}); keys must be text`);
        const index = isList ? Number(key) : NaN;
        if (isList && !(String(index) === key && index >= 0 && index < length))
          fail(api, `${at} has a property ${JSON.stringify(clip(key))} besides its items; a list takes items only`);
        if (!isList) checkText(api, `a key of ${at}`, key, limits.name);
        const next = isList ? `${at}[${key}]` : member(at, key);
        if (!('value' in desc)) fail(api, `${next} is a getter or setter; only plain data properties are read`);
        if (!desc.enumerable) fail(api, `${next} is not enumerable; only plain data properties are read`);
        if (++used.values > limits.values) fail(api, `${where} may hold at most ${count(limits.values)} values in all; ${next} is one more`);
        if (isList) out[index] = walk(desc.value, next, depth + 1);
        else out[key] = walk(desc.value, next, depth + 1);
      }
      if (isList && props.length - 1 !== length) {
        const hole = out.findIndex((x, i) => !(i in out));
        fail(api, `${at}[${hole < 0 ? out.length : hole}] is an empty slot; a list must have every item`);
      }
      open.delete(v);
      return out;
    }

    const copy = walk(value, where, 1);
    // A Proxy reads like plain data but cannot be cloned; plain data always can. The last
    // entered object that fails to clone has no failing part inside: it is the Proxy.
    if (entered.length && typeof structuredClone === 'function') {
      try { structuredClone(value); } catch {
        for (let i = entered.length - 1; i >= 0; i--) {
          try { structuredClone(entered[i][0]); } catch {
            fail(api, `${entered[i][1]} must be ${plainKinds}, got a Proxy or another exotic object`);
          }
        }
      }
    }
    return copy;
  }

  window.aioCheck = { limits, name, data, describe, fail };
})();
