import { CatalogOrderSystem } from "./catalog-order-system";
import { generateCatalog } from "./order-catalog";

let system: CatalogOrderSystem | null = null;

/** The embedded default's order system, built once per isolate from the fixed seed. */
export function demoOrderSystem(): CatalogOrderSystem {
  system ??= new CatalogOrderSystem(generateCatalog());
  return system;
}
