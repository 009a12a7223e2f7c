// Turbopack loader: workspace packages written for NodeNext import their own TypeScript files as "./x.js".
// TypeScript, Vite, tsx and webpack (resolve.extensionAlias) map that to ./x.ts; Turbopack does not yet
// (vercel/next.js#82945). This rewrites such relative specifiers to the .ts/.tsx file that exists on disk,
// and leaves every other import alone (including real .js files).
const fs = require("node:fs");
const path = require("node:path");

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*?)\.js\2/g;

function rewrite(source, dir) {
  return source.replace(SPECIFIER, (match, lead, quote, stem) => {
    if (fs.existsSync(path.resolve(dir, `${stem}.js`))) return match;
    for (const ext of [".ts", ".tsx"]) {
      if (fs.existsSync(path.resolve(dir, `${stem}${ext}`))) return `${lead}${quote}${stem}${ext}${quote}`;
    }
    return match;
  });
}

module.exports = function tsJsSpecifierLoader(source) {
  return rewrite(source, path.dirname(this.resourcePath));
};
module.exports.rewrite = rewrite;
