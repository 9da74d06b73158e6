import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Skeleton } from "@zendeskgarden/react-loaders";
import { Alert, Well } from "@zendeskgarden/react-notifications";
import { MD, Paragraph, Span } from "@zendeskgarden/react-typography";
import type { SidebarView } from "../hooks/useTicketContext";
import { useI18n } from "../hooks/useI18n";

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
`;

/** The shape of the sidebar while the thread loads, so nothing jumps when it arrives. */
export function LoadingState() {
  const { t } = useI18n();
  return (
    <Stack role="status" aria-busy="true" data-testid="state-loading">
      <Span hidden>{t("states.loading")}</Span>
      <Skeleton width="60%" />
      <Skeleton width="40%" />
      <Skeleton />
      <Skeleton />
      <Skeleton width="80%" />
    </Stack>
  );
}

export function ErrorState({ status, onRetry }: { status: number; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="error" data-testid="state-error">
      <Alert.Title>{t("states.error.title")}</Alert.Title>
      <Alert.Paragraph>
        {status > 0 ? t("states.error.server") : t("states.error.network")}
      </Alert.Paragraph>
      <Alert.Paragraph>
        <Button size="small" onClick={onRetry} data-testid="state-retry">
          {t("common.retry")}
        </Button>
      </Alert.Paragraph>
    </Alert>
  );
}

type Quiet = Extract<SidebarView["state"], "no_thread" | "new_ticket" | "unconfigured">;

/** Nothing to show yet, said on purpose: why, and what makes it appear. */
export function QuietState({ state }: { state: Quiet }) {
  const { t } = useI18n();
  return (
    <Well isRecessed data-testid={`state-${state}`}>
      <Stack>
        <MD tag="h1" isBold>
          {t(`states.${state}.title`)}
        </MD>
        <Paragraph>{t(`states.${state}.body`)}</Paragraph>
      </Stack>
    </Well>
  );
}
