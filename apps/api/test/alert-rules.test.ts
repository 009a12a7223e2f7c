import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createMetrics } from "../src/lib/metrics.js";

/**
 * Every metric an alert rule or a dashboard panel queries must be one the API exports: a renamed metric would
 * otherwise silence its alert without anyone noticing. (`promtool check rules` in .ci/run checks the syntax.)
 */
const deploy = (file: string) => fileURLToPath(new URL(`../../../deploy/${file}`, import.meta.url));
const PROMETHEUS_OWN = new Set(["up"]);
const SUFFIXES = /_(bucket|count|sum)$/;

function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\b(lumen_[a-z0-9_]+|up)\b/g)].map((m) => m[1] as string);
}

async function exported(): Promise<Set<string>> {
  const metrics = createMetrics();
  const names = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
  return new Set(names);
}

describe("alert rules and dashboards", () => {
  it("query only metrics the API exports", async () => {
    const known = await exported();
    const rules = parse(readFileSync(deploy("prometheus/alerts.yml"), "utf8")) as {
      groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
    };
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(alerts.length).toBeGreaterThanOrEqual(8);
    const dashboard = JSON.parse(readFileSync(deploy("grafana/lumen-overview.json"), "utf8")) as {
      panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    };
    const queries = [
      ...alerts.map((a) => ({ where: `alert ${a.alert}`, expr: a.expr })),
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel ${p.title}`, expr: t.expr }))),
    ];
    const unknown = queries.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !PROMETHEUS_OWN.has(name) && !known.has(name) && !known.has(name.replace(SUFFIXES, "")))
        .map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it("cover errors, latency, readiness, queue backlog, the AI budget and Redis fallback", () => {
    const text = readFileSync(deploy("prometheus/alerts.yml"), "utf8");
    for (const name of [
      "LumenHighErrorRate",
      "LumenHighLatencyP99",
      "LumenInstanceNotReady",
      "LumenMailBacklog",
      "LumenAiBudgetNearCap",
      "LumenRedisFallback",
    ]) {
      expect(text).toContain(`alert: ${name}`);
    }
  });
});
