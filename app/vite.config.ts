import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Zendesk serves the package's assets/ folder; the location URL is assets/iframe.html, so every
// asset path must be relative to it.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../dist/package/assets",
    emptyOutDir: true,
    // Flat: the chunks sit next to iframe.html in the package's assets/ folder.
    assetsDir: "",
    rollupOptions: { input: resolve(import.meta.dirname, "iframe.html") },
  },
});
