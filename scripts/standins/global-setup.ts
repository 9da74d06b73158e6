import type { TestProject } from "vitest/node";
import { Standins, type StandinUrls } from "./index";

declare module "vitest" {
  export interface ProvidedContext {
    standins: StandinUrls;
  }
}

/** Worker tests reach the vendor stand-ins over loopback, exactly as the deployed Worker reaches vendors. */
export default async function setup(project: TestProject) {
  const standins = new Standins();
  const zendesk = Number(process.env.CONTINUITY_ZENDESK_STANDIN_PORT) || undefined;
  project.provide("standins", await standins.start({ zendesk }));
  return () => standins.stop();
}
