import { useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Well } from "@zendeskgarden/react-notifications";
import { Code, Paragraph, SM } from "@zendeskgarden/react-typography";
import type { Candidate, ActionDetails, ThreadAction, ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row, Rows, Section } from "./Section";
import { actorName } from "../../../worker/src/domain/actor";

type Decision = { kind: "linked" | "dismissed"; threadId: string };

/** What the other thread is about, its ticket and when it started: enough to recognise it. */
function CandidateGlimpse({ candidate }: { candidate: Candidate }) {
  const { t, relative, dateTime } = useI18n();
  if (!candidate.workflow && !candidate.ticketId && !candidate.openedAt) return null;
  return (
    <SM data-testid="candidate-glimpse">
      {[
        candidate.workflow ? t(`workflowName.${candidate.workflow}`) : t("candidates.noWorkflow"),
        candidate.ticketId ? t("linked.ticket", { id: candidate.ticketId }) : null,
      ]
        .filter(Boolean)
        .join(" · ")}
      {candidate.openedAt ? (
        <>
          {" · "}
          <time dateTime={candidate.openedAt} title={dateTime(candidate.openedAt)}>
            {t("candidates.opened", { time: relative(candidate.openedAt) })}
          </time>
        </>
      ) : null}
    </SM>
  );
}

/** Undoing a decision is the opposite action on the same thread. */
const UNDO: Record<Decision["kind"], ThreadAction> = {
  linked: "unlink_thread",
  dismissed: "restore_candidate",
};

const Card = styled(Well)`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
  padding: ${({ theme }) => theme.space.sm};
`;

/**
 * Threads the worker suspects are the same issue. It never merges them on its own: a person
 * links them or says they are not the same, and can undo either right away.
 */
export function Candidates(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t, list, relative, dateTime } = useI18n();
  const [decision, setDecision] = useState<Decision | null>(null);
  const dismissed = new Set(props.context.dismissedCandidates);
  const linked = props.context.linkedThreads;
  const linkedIds = new Set(linked.map((l) => l.threadId));
  const open = props.context.candidates.filter(
    (c) => !dismissed.has(c.threadId) && !linkedIds.has(c.threadId),
  );
  if (open.length === 0 && linked.length === 0 && !decision) return null;

  const busy = props.pending !== null;
  const decide = async (kind: Decision["kind"], threadId: string) => {
    const action = kind === "linked" ? "link_thread" : "dismiss_candidate";
    if (await props.onAct(action, { otherThreadId: threadId })) setDecision({ kind, threadId });
  };
  const undo = async () => {
    if (!decision) return;
    if (await props.onAct(UNDO[decision.kind], { otherThreadId: decision.threadId }))
      setDecision(null);
  };

  return (
    <Section title={t("candidates.heading")} testId="candidates">
      {decision ? (
        <Row role="status" data-testid="candidate-decision">
          <SM>
            {t(decision.kind === "linked" ? "candidates.linkedNow" : "candidates.dismissedNow", {
              threadId: decision.threadId,
            })}
          </SM>
          <Button size="small" isBasic disabled={busy} data-testid="candidate-undo" onClick={undo}>
            {t("common.undo")}
          </Button>
        </Row>
      ) : null}
      {open.length > 0 ? (
        <Rows>
          {open.map((candidate) => (
            <li key={candidate.threadId}>
              <Card isRecessed data-testid="candidate" data-thread-id={candidate.threadId}>
                <Paragraph>{t("candidates.question", { threadId: candidate.threadId })}</Paragraph>
                <CandidateGlimpse candidate={candidate} />
                <SM>{t(`candidates.reason.${candidate.reason}`)}</SM>
                {candidate.orderIds && candidate.orderIds.length > 0 ? (
                  <SM>{t("candidates.orders", { orders: list(candidate.orderIds) })}</SM>
                ) : null}
                <Row>
                  <Button
                    size="small"
                    isPrimary
                    disabled={busy}
                    data-testid="candidate-link"
                    aria-label={t("candidates.linkLabel", { threadId: candidate.threadId })}
                    onClick={() => void decide("linked", candidate.threadId)}
                  >
                    {t("candidates.link")}
                  </Button>
                  <Button
                    size="small"
                    disabled={busy}
                    data-testid="candidate-dismiss"
                    aria-label={t("candidates.dismissLabel", { threadId: candidate.threadId })}
                    onClick={() => void decide("dismissed", candidate.threadId)}
                  >
                    {t("candidates.dismiss")}
                  </Button>
                </Row>
              </Card>
            </li>
          ))}
        </Rows>
      ) : null}
      {linked.length > 0 ? (
        <>
          <SM isBold tag="h3">
            {t("candidates.linkedHeading")}
          </SM>
          <Rows>
            {linked.map((link) => (
              <Row as="li" key={link.threadId} data-testid="linked-thread">
                <Code>{link.threadId}</Code>
                <SM>
                  <time dateTime={link.at} title={dateTime(link.at)}>
                    {t("candidates.linkedBy", {
                      actor: actorName(link.by),
                      time: relative(link.at),
                    })}
                  </time>
                </SM>
                <Button
                  size="small"
                  isBasic
                  disabled={busy}
                  data-testid="linked-thread-unlink"
                  aria-label={t("candidates.unlinkLabel", { threadId: link.threadId })}
                  onClick={() =>
                    void props.onAct("unlink_thread", { otherThreadId: link.threadId })
                  }
                >
                  {t("candidates.unlink")}
                </Button>
              </Row>
            ))}
          </Rows>
        </>
      ) : null}
    </Section>
  );
}
