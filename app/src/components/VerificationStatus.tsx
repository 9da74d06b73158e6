import { Tag } from "@zendeskgarden/react-tags";
import { SM, Span } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import type { TranslationKey } from "../i18n/translate";
import { Row } from "./Section";

/** Methods with a translated name; anything else the worker records is shown as recorded. */
const METHOD_KEYS: Record<string, TranslationKey> = {
  otp: "verification.method.otp",
  authenticated_messaging: "verification.method.authenticated_messaging",
  agent: "verification.method.agent",
  callback_on_file: "verification.method.callback_on_file",
  id_checked: "verification.method.id_checked",
  security_questions: "verification.method.security_questions",
};

export function VerificationStatus({ context }: { context: ThreadContext }) {
  const { t, dateTime, relative } = useI18n();
  const verification = context.identity.verification;
  const { pending, failures } = context.verification;
  const methodKey = verification ? METHOD_KEYS[verification.method] : undefined;
  return (
    <div data-testid="verification">
      <SM isBold tag="h3">
        {t("verification.heading")}
      </SM>
      {verification ? (
        <>
          <Row>
            <Span>
              {t("verification.passed", {
                method: methodKey ? t(methodKey) : verification.method,
              })}
            </Span>
            {verification.expired ? (
              <Tag hue="red" data-testid="verification-expired">
                {t("verification.expired")}
              </Tag>
            ) : null}
          </Row>
          <SM>
            <time dateTime={verification.passedAt} title={dateTime(verification.passedAt)}>
              {t("verification.passedAt", { time: relative(verification.passedAt) })}
            </time>
            {" · "}
            <time dateTime={verification.expiresAt} title={dateTime(verification.expiresAt)}>
              {verification.expired
                ? t("verification.expiredAt", { time: relative(verification.expiresAt) })
                : t("verification.expiresAt", { time: relative(verification.expiresAt) })}
            </time>
          </SM>
        </>
      ) : (
        <SM>{t("verification.none")}</SM>
      )}
      {pending ? (
        <SM>
          {t("verification.pending", {
            channel: t(`channel.${pending.channel}`),
            time: relative(pending.expiresAt),
            attempts: t("verification.attemptsLeft", { count: pending.attemptsLeft }),
          })}
        </SM>
      ) : null}
      {failures > 0 ? <SM>{t("verification.failures", { count: failures })}</SM> : null}
    </div>
  );
}
