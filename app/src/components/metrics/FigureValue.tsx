import type { Figure, Unit } from "../../api/metrics-types";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { NoData } from "./NoData";

/** A figure in its unit, or "no data yet" when no thread has counted towards it. */
export function FigureValue({ figure, unit }: { figure: Figure | null; unit: Unit }) {
  const format = useMetricFormat();
  if (!figure || figure.value === null) return <NoData />;
  return <span data-testid="figure-value">{format.value(unit, figure.value)}</span>;
}
