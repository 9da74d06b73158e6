import type { AppRouteHandler } from "../../lib/types";
import { roundTripTallies } from "../../store/round-trips";
import type { TalliesRoute } from "./round-trips.routes";

export const tallies: AppRouteHandler<TalliesRoute> = (c) =>
  c.env.COUNT_D1_ROUND_TRIPS
    ? c.json(roundTripTallies(), 200)
    : c.json(
        { error: { code: "not_found", message: "round trips are counted only in benchmark runs" } },
        404,
      );
