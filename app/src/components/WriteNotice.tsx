import { useEffect, useRef } from "react";
import { Button } from "@zendeskgarden/react-buttons";
import { Notification } from "@zendeskgarden/react-notifications";
import { UnorderedList } from "@zendeskgarden/react-typography";
import type { Notice } from "../hooks/useTicketContext";
import { useI18n } from "../hooks/useI18n";

/**
 * Why a write did not go through. A stale version is not an error: the sidebar has re-read the
 * thread, and the agent decides again knowing what changed.
 */
export function WriteNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The iframe is as tall as its content, so "into view" scrolls the Zendesk page around it.
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);
  const close = <Notification.Close aria-label={t("common.dismiss")} onClick={onDismiss} />;
  if (notice.kind === "stale") {
    return (
      <Notification ref={ref} type="warning" data-testid="notice" data-kind="stale">
        <Notification.Title>{t("notice.stale.title")}</Notification.Title>
        {notice.changes.length > 0 ? (
          <UnorderedList data-testid="notice-changes">
            {notice.changes.map((change, index) => (
              <UnorderedList.Item key={`${index}:${change}`}>{change}</UnorderedList.Item>
            ))}
          </UnorderedList>
        ) : null}
        <Notification.Paragraph>{t("notice.stale.body")}</Notification.Paragraph>
        {close}
      </Notification>
    );
  }
  if (notice.kind === "rejected") {
    return (
      <Notification ref={ref} type="error" data-testid="notice" data-kind="rejected">
        <Notification.Title>{t("notice.rejected.title")}</Notification.Title>
        <Notification.Paragraph>
          {notice.message ?? t("notice.rejected.fallback")}
        </Notification.Paragraph>
        {close}
      </Notification>
    );
  }
  return (
    <Notification ref={ref} type="error" data-testid="notice" data-kind="failed">
      <Notification.Title>
        {t("notice.failed.title", { action: t(`notice.failed.what.${notice.what}`) })}
      </Notification.Title>
      <Notification.Paragraph>
        {notice.timedOut ? t("notice.failed.timedOut") : t("notice.failed.unreachable")}
      </Notification.Paragraph>
      <Button size="small" data-testid="notice-retry" onClick={notice.retry}>
        {t("common.retry")}
      </Button>
      {close}
    </Notification>
  );
}
