/**
 * Dev-only: writes one SVG thumbnail per demo course to packages/db/assets/media/<thumbnail_file>.
 * Colours and motif are chosen by category; the course title is wrapped onto up to three lines.
 *
 *   npx tsx packages/db/scripts/build-thumbnails.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { demoCourses } from "../src/seed/content/index.js";
import type { DemoCourse } from "../src/seed/content/types.js";

const mediaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "assets", "media");

interface Palette {
  from: string;
  to: string;
  accent: string;
  motif: string;
}

const palettes: Record<string, Palette> = {
  Science: {
    from: "#064e3b",
    to: "#059669",
    accent: "#a7f3d0",
    // a small molecule: atoms joined by bonds
    motif: `<g stroke="#a7f3d0" stroke-width="4" opacity=".35" fill="none"><path d="M470 90l60 35v70l-60 35-60-35v-70z"/><path d="M530 125l55-30M530 195l55 30M410 195l-45 40"/></g><g fill="#a7f3d0" opacity=".5"><circle cx="585" cy="95" r="12"/><circle cx="585" cy="225" r="12"/><circle cx="365" cy="235" r="10"/><circle cx="470" cy="90" r="8"/></g>`,
  },
  Programming: {
    from: "#1e1b4b",
    to: "#2563eb",
    accent: "#bfdbfe",
    motif: `<g fill="none" stroke="#bfdbfe" stroke-width="10" stroke-linecap="round" stroke-linejoin="round" opacity=".3"><path d="M455 80l-60 70 60 70M545 80l60 70-60 70M520 60l-40 180"/></g>`,
  },
  Mathematics: {
    from: "#3b0764",
    to: "#7c3aed",
    accent: "#ddd6fe",
    motif: `<g stroke="#ddd6fe" opacity=".25" stroke-width="1.5"><path d="M380 40v220M440 40v220M500 40v220M560 40v220M620 40v220M360 60h270M360 120h270M360 180h270M360 240h270"/></g><g stroke="#ddd6fe" stroke-width="5" stroke-linecap="round" opacity=".6" fill="none"><path d="M440 240l120-120M560 120l-22 2M560 120l-2 22M440 240l60 0"/></g>`,
  },
  "Data & AI": {
    from: "#134e4a",
    to: "#0891b2",
    accent: "#a5f3fc",
    motif: `<g fill="#a5f3fc" opacity=".45"><circle cx="400" cy="220" r="7"/><circle cx="430" cy="190" r="7"/><circle cx="455" cy="200" r="7"/><circle cx="480" cy="160" r="7"/><circle cx="510" cy="150" r="7"/><circle cx="535" cy="120" r="7"/><circle cx="565" cy="110" r="7"/><circle cx="595" cy="80" r="7"/></g><path d="M380 235L610 70" stroke="#a5f3fc" stroke-width="4" opacity=".6" stroke-dasharray="10 8"/>`,
  },
  Business: {
    from: "#7c2d12",
    to: "#ea580c",
    accent: "#fed7aa",
    motif: `<g fill="#fed7aa" opacity=".3"><rect x="400" y="180" width="36" height="60" rx="4"/><rect x="452" y="150" width="36" height="90" rx="4"/><rect x="504" y="115" width="36" height="125" rx="4"/><rect x="556" y="75" width="36" height="165" rx="4"/></g><path d="M395 160l60-35 50 15 90-80" stroke="#fed7aa" stroke-width="5" fill="none" stroke-linecap="round" opacity=".7"/>`,
  },
  Languages: {
    from: "#881337",
    to: "#e11d48",
    accent: "#fecdd3",
    motif: `<g fill="#fecdd3" opacity=".3"><path d="M390 70h150a20 20 0 0 1 20 20v60a20 20 0 0 1-20 20h-90l-35 30v-30h-25a20 20 0 0 1-20-20v-60a20 20 0 0 1 20-20z"/><path d="M600 140h-110a18 18 0 0 0-18 18v50a18 18 0 0 0 18 18h70l30 26v-26h10a18 18 0 0 0 18-18v-50a18 18 0 0 0-18-18z" opacity=".7"/></g>`,
  },
};

const escapeXml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function thumbnail(course: DemoCourse): string {
  const p = palettes[course.category] ?? palettes.Programming;
  if (!p) throw new Error(`no palette for ${course.category}`);
  let size = 38;
  let lines = wrap(course.title, 18);
  if (lines.length > 3) {
    size = 30;
    lines = wrap(course.title, 24);
  }
  const lineHeight = Math.round(size * 1.18);
  const top = 200 - ((lines.length - 1) * lineHeight) / 2;
  const title = lines
    .map((l, i) => `<tspan x="40" y="${Math.round(top + i * lineHeight)}">${escapeXml(l)}</tspan>`)
    .join("");
  const badge = `${course.level[0]?.toUpperCase()}${course.level.slice(1)}${course.pricing.is_free ? " · Free" : ""}`;
  const badgeWidth = Math.round(badge.length * 8.2 + 28);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360" width="640" height="360" role="img" aria-label="${escapeXml(course.title)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient></defs>
<rect width="640" height="360" fill="url(#g)"/>
<g transform="translate(160 45) scale(.72)">${p.motif}</g>
<g font-family="Inter, 'Segoe UI', Helvetica, Arial, sans-serif">
<text x="40" y="62" fill="${p.accent}" font-size="15" font-weight="700" letter-spacing="2">${escapeXml(course.category.toUpperCase())}</text>
<text fill="#ffffff" font-size="${size}" font-weight="800">${title}</text>
<rect x="40" y="290" width="${badgeWidth}" height="30" rx="15" fill="#ffffff" fill-opacity=".16"/>
<text x="${40 + badgeWidth / 2}" y="310" fill="#ffffff" font-size="14" font-weight="600" text-anchor="middle">${escapeXml(badge)}</text>
<text x="600" y="312" fill="#ffffff" fill-opacity=".7" font-size="16" font-weight="700" text-anchor="end">Lumen</text>
</g>
</svg>
`;
}

for (const course of demoCourses) {
  if (!course.thumbnail_file) continue;
  const svg = thumbnail(course);
  writeFileSync(path.join(mediaDir, course.thumbnail_file), svg);
  console.log(`${course.thumbnail_file}  ${Buffer.byteLength(svg)} bytes`);
}
