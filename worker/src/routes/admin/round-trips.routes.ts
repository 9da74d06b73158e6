import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../contracts/errors";
import { operatorAuth } from "../../lib/auth";

const Tally = z.object({
  units: z.number().int().nonnegative(),
  trips: z.number().int().nonnegative(),
  batches: z.number().int().nonnegative(),
});

export const RoundTripTallies = z
  .object({ contact: Tally.optional(), "agent run": Tally.optional() })
  .openapi("RoundTripTallies");

/** Benchmark and dev runs only: what the D1 round trips per contact and agent run came to. */
export const tallies = createRoute({
  method: "get",
  path: "/v1/admin/round-trips",
  tags: ["Admin"],
  security: [{ operatorToken: [] }],
  middleware: [operatorAuth] as const,
  responses: {
    200: jsonContent(RoundTripTallies, "Round trips counted since the isolate started"),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("Counting is off (COUNT_D1_ROUND_TRIPS unset), as in production"),
  },
});
export type TalliesRoute = typeof tallies;
