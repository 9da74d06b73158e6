import { useRef } from "react";
import styled from "styled-components";
import { ActionAnnouncer, ActionDone, saysDone } from "../components/ActionDone";
import { Candidates } from "../components/Candidates";
import { HandoffPayload } from "../components/HandoffPayload";
import { CustomerLine } from "../components/CustomerLine";
import { IdentityCard } from "../components/IdentityCard";
import { LinkedTickets } from "../components/LinkedTickets";
import { NextStep } from "../components/NextStep";
import { NoteStatus } from "../components/NoteStatus";
import { RiskFlags } from "../components/RiskFlags";
import { FoldedSections, Section } from "../components/Section";
import { ErrorState, LoadingState, QuietState } from "../components/SidebarStates";
import { SessionPresence } from "../components/SessionPresence";
import { ConversationControl } from "../components/ConversationControl";
import { SummaryEditor } from "../components/SummaryEditor";
import { ThreadHeader } from "../components/ThreadHeader";
import { ThreadTimeline } from "../components/ThreadTimeline";
import { WorkflowStepper } from "../components/WorkflowStepper";
import { WriteNotice } from "../components/WriteNotice";
import { useAutoResize } from "../hooks/useAutoResize";
import { useI18n } from "../hooks/useI18n";
import { useTicketContext, type WriteTopic } from "../hooks/useTicketContext";

const Main = styled.main`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
  padding: ${({ theme }) => theme.space.xs};
`;

/**
 * The ticket_sidebar location. The first screen (320×600 in Zendesk) holds what an agent acts on:
 * who this is, whom the thread waits on and the control to move it, what is missing, and what
 * happened in three sentences. Steps, identity detail and candidates follow; history, tickets,
 * notes and the payload are folded below.
 */
export default function TicketSidebar({
  pollMs,
  timeoutMs,
}: {
  pollMs?: number;
  timeoutMs?: number;
}) {
  const root = useRef<HTMLElement>(null);
  useAutoResize(root);
  const { t } = useI18n();
  const sidebar = useTicketContext({
    ...(pollMs === undefined ? {} : { pollMs }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  const { view, notice, done, pending } = sidebar;
  // A note that failed needs the agent's retry, so it stays in view rather than folded away.
  const failedNote =
    view.state === "ready" && view.context.notes.some((n) => n.status === "failed");
  // A refused or stale write is told under the section the agent clicked in, not off-screen;
  // so is what an action that went through did.
  const noticeAbout = (topic: WriteTopic) => (
    <>
      {notice?.topic === topic ? (
        <WriteNotice notice={notice} onDismiss={sidebar.dismissNotice} />
      ) : null}
      {saysDone(done) && done.topic === topic ? <ActionDone key={done.seq} done={done} /> : null}
    </>
  );

  return (
    <Main
      ref={root}
      aria-label={t("app.sidebarLabel")}
      data-testid="sidebar"
      data-version={view.state === "ready" ? view.context.version : undefined}
    >
      <ActionAnnouncer done={done} />
      {view.state === "loading" ? <LoadingState /> : null}
      {view.state === "error" ? <ErrorState status={view.status} onRetry={sidebar.reload} /> : null}
      {view.state === "no_thread" ||
      view.state === "new_ticket" ||
      view.state === "unconfigured" ? (
        <QuietState state={view.state} />
      ) : null}
      {view.state === "ready" ? (
        <>
          <ThreadHeader context={view.context} />
          <RiskFlags context={view.context} />
          <CustomerLine context={view.context} name={sidebar.requesterName} />
          <NextStep context={view.context} pending={pending} onAct={sidebar.act} />
          {noticeAbout("workflow")}
          <SummaryEditor context={view.context} pending={pending} onSave={sidebar.editSummary} />
          {noticeAbout("summary")}
          <Candidates context={view.context} pending={pending} onAct={sidebar.act} />
          {noticeAbout("candidates")}
          {view.context.workflow ? (
            <Section title={t("workflow.heading")} testId="workflow">
              <WorkflowStepper context={view.context} workflow={view.context.workflow} />
            </Section>
          ) : null}
          <ConversationControl
            control={sidebar.control}
            you={sidebar.you}
            role={sidebar.role}
            pending={pending}
            onAct={sidebar.act}
            chatPage={view.context.sessions.some((s) => s.chatPage)}
            onWrite={sidebar.writeToChat}
          />
          {noticeAbout("conversation")}
          <SessionPresence participants={sidebar.participants} you={sidebar.you} />
          <IdentityCard context={view.context} pending={pending} onAct={sidebar.act} />
          {noticeAbout("identity")}
          {failedNote ? (
            <NoteStatus context={view.context} pending={pending} onRetry={sidebar.retryNote} />
          ) : null}
          {noticeAbout("notes")}
          <FoldedSections>
            <ThreadTimeline context={view.context} />
            <LinkedTickets context={view.context} />
            {failedNote ? null : (
              <NoteStatus context={view.context} pending={pending} onRetry={sidebar.retryNote} />
            )}
            <HandoffPayload context={view.context} />
          </FoldedSections>
        </>
      ) : null}
    </Main>
  );
}
