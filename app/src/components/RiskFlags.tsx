import { Alert } from "@zendeskgarden/react-notifications";
import { SM, Span } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Rows } from "./Section";

/** Risks come first: they change what the agent may do before anything else is read. */
export function RiskFlags({ context }: { context: ThreadContext }) {
  const { t, relative, dateTime } = useI18n();
  if (context.risks.length === 0) return null;
  return (
    <Alert type="error" role="note" data-testid="risk-flags">
      <Alert.Title>{t("risks.title", { count: context.risks.length })}</Alert.Title>
      <Rows>
        {context.risks.map((risk) => (
          <li key={`${risk.flag}:${risk.at}`} data-testid="risk" data-flag={risk.flag}>
            <Span isBold>{t(`risks.flag.${risk.flag}`)}</Span>
            {": "}
            <Span>{risk.reason}</Span>{" "}
            <SM tag="span">
              <time dateTime={risk.at} title={dateTime(risk.at)}>
                {relative(risk.at)}
              </time>
            </SM>
          </li>
        ))}
      </Rows>
    </Alert>
  );
}
