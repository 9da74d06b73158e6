/**
 * `tsx scripts/package/logos.ts`: draw the marketplace logos (assets/logo.png 320×320, opaque;
 * assets/logo-small.png 128×128, PNG-24 with transparency) from the SVG mark below, rendered by
 * headless Chromium. Run once after changing the mark; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../lib/chromium";
import { ROOT } from "../lib/local-env";
import { readPngHeader } from "./png";

/** One issue, three contacts (chat, email, call) on one continuous thread. */
function mark(options: { background: string | null; thread: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100%" height="100%">
  ${options.background ? `<rect width="100" height="100" fill="${options.background}"/>` : ""}
  <path d="M18 70 C 30 40, 42 36, 50 50 S 70 62, 82 30" fill="none" stroke="${options.thread}"
        stroke-width="7" stroke-linecap="round"/>
  <circle cx="18" cy="70" r="11" fill="#f79a3e" stroke="${options.thread}" stroke-width="4"/>
  <circle cx="50" cy="50" r="11" fill="#5eae91" stroke="${options.thread}" stroke-width="4"/>
  <circle cx="82" cy="30" r="11" fill="#30aabc" stroke="${options.thread}" stroke-width="4"/>
</svg>`;
}

const LOGOS = [
  { file: "logo.png", size: 320, svg: mark({ background: "#03363d", thread: "#ffffff" }) },
  { file: "logo-small.png", size: 128, svg: mark({ background: null, thread: "#03363d" }) },
];

async function main() {
  const browser = await launchChromium();
  try {
    for (const logo of LOGOS) {
      const page = await browser.newPage({
        viewport: { width: logo.size, height: logo.size },
        deviceScaleFactor: 1,
      });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${logo.svg}</body></html>`,
      );
      const png = await page.screenshot({ omitBackground: true, type: "png" });
      const header = readPngHeader(png);
      if (header?.width !== logo.size || header.height !== logo.size)
        throw new Error(`${logo.file} came out ${header?.width}×${header?.height}`);
      writeFileSync(path.join(ROOT, "assets", logo.file), png);
      console.log(`assets/${logo.file}: ${logo.size}×${logo.size}, color type ${header.colorType}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
