import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".scratch",
      "node_modules",
      ".wrangler",
      ".config",
      "dist",
      "coverage",
      ".state",
      ".bench",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // The sidebar app runs in the browser.
    files: ["app/src/**/*.{ts,tsx}", "app/test/**/*.{ts,tsx}", "app/preview/client/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The functional core stays pure: no platform I/O, no clocks, no randomness.
    files: ["worker/src/domain/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "fetch", "crypto", "setTimeout", "console"],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Pass time in; the domain never reads the clock.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Pass time in; the domain never reads the clock.",
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "The domain is deterministic.",
        },
      ],
    },
  },
);
