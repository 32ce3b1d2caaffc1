// Collects checks per suite, their failures and counters, and prints them.
export class Report {
  constructor() {
    this.suites = new Map();
    this.warnings = [];
    this.started = Date.now();
  }

  suite(name) {
    if (!this.suites.has(name)) this.suites.set(name, { checks: 0, failed: 0, failures: [], counters: new Map() });
    return this.suites.get(name);
  }

  /** One check: passes when problems is empty, else each problem is listed. */
  check(suite, subject, problems) {
    const s = this.suite(suite);
    s.checks += 1;
    if (problems.length) {
      s.failed += 1;
      for (const p of problems) s.failures.push({ subject, detail: p });
    }
    return problems.length === 0;
  }

  count(suite, key, n = 1) {
    const c = this.suite(suite).counters;
    c.set(key, (c.get(key) ?? 0) + n);
  }

  setCount(suite, key, n) {
    this.suite(suite).counters.set(key, n);
  }

  warn(suite, subject, detail) {
    this.warnings.push({ suite, subject, detail });
  }

  totals() {
    let passed = 0;
    let failed = 0;
    for (const s of this.suites.values()) {
      passed += s.checks - s.failed;
      failed += s.failed;
    }
    return { passed, failed };
  }

  print(out = console.log) {
    out('');
    out('== Failures ==');
    let any = false;
    for (const [name, s] of this.suites) {
      for (const f of s.failures) {
        any = true;
        out(`FAIL [${name}] ${f.subject}: ${f.detail}`);
      }
    }
    if (!any) out('(none)');
    if (this.warnings.length) {
      out('');
      out(`== Warnings (not failures) ==`);
      for (const w of this.warnings) out(`warn [${w.suite}] ${w.subject}: ${w.detail}`);
    }
    out('');
    out('== Counts ==');
    for (const [name, s] of this.suites) {
      const extra = [...s.counters].map(([k, v]) => `${k}: ${v}`).join('; ');
      out(`${name}: ${s.checks} checks, ${s.checks - s.failed} passed, ${s.failed} failed${extra ? ` | ${extra}` : ''}`);
    }
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    out(`time: ${secs} s`);
    const { passed, failed } = this.totals();
    out(`${passed} passed, ${failed} failed`);
  }

  toJSON() {
    const suites = {};
    for (const [name, s] of this.suites) {
      suites[name] = { checks: s.checks, failed: s.failed, counters: Object.fromEntries(s.counters), failures: s.failures };
    }
    return { ...this.totals(), seconds: (Date.now() - this.started) / 1000, suites, warnings: this.warnings };
  }
}
