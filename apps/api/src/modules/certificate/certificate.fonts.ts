import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * The certificate's typefaces: DejaVu Sans and Serif (free licence), which cover Latin with every accent,
 * Greek, Cyrillic, Armenian, Georgian and Hebrew letters, so a learner called "Дмитрий", "Ελένη" or "Łukasz Ōtani"
 * reads as written. They are embedded as subsets (only the glyphs a certificate uses), a few tens of kB each.
 * Scripts they lack (Chinese, Japanese, Korean…) fall back per character (see `encodable`).
 */
const FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  serif: "DejaVuSerif.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
} as const;
export type CertificateFontName = keyof typeof FILES;

const require = createRequire(import.meta.url);
let loaded: Promise<Record<CertificateFontName, Uint8Array>> | null = null;

/** The four font files, read once per process. */
export function certificateFonts(): Promise<Record<CertificateFontName, Uint8Array>> {
  loaded ??= (async () => {
    const entries = await Promise.all(
      (Object.keys(FILES) as CertificateFontName[]).map(
        async (name): Promise<[CertificateFontName, Uint8Array]> => [
          name,
          new Uint8Array(await readFile(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`))),
        ],
      ),
    );
    return Object.fromEntries(entries) as Record<CertificateFontName, Uint8Array>;
  })().catch((err) => {
    loaded = null;
    throw err;
  });
  return loaded;
}
