import { useRef } from "react";
import styled from "styled-components";
import { ActionAnnouncer, ActionDone, saysDone } from "../components/ActionDone";
import { Candidates } from "../components/Candidates";
import { HandoffPayload } from "../components/HandoffPayload";
import { IdentityCard } from "../components/IdentityCard";
import { LinkedTickets } from "../components/LinkedTickets";
import { NoteStatus } from "../components/NoteStatus";
import { RiskFlags } from "../components/RiskFlags";
import { Section } from "../components/Section";
import { ErrorState, LoadingState, QuietState } from "../components/SidebarStates";
import { SummaryEditor } from "../components/SummaryEditor";
import { ThreadHeader } from "../components/ThreadHeader";
import { ThreadTimeline } from "../components/ThreadTimeline";
import { WorkflowActions } from "../components/WorkflowActions";
import { WorkflowStepper } from "../components/WorkflowStepper";
import { WriteNotice } from "../components/WriteNotice";
import { SM } from "@zendeskgarden/react-typography";
import { useAutoResize } from "../hooks/useAutoResize";
import { useI18n } from "../hooks/useI18n";
import { useTicketContext, type WriteTopic } from "../hooks/useTicketContext";

const Main = styled.main`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
  padding: ${({ theme }) => theme.space.xs};
`;

/**
 * The ticket_sidebar location: who the customer is, what happened, where the workflow stands,
 * and the controls to continue it — in the order an agent picking up a ticket needs them.
 */
export default function TicketSidebar({ pollMs }: { pollMs?: number }) {
  const root = useRef<HTMLElement>(null);
  useAutoResize(root);
  const { t } = useI18n();
  const sidebar = useTicketContext(pollMs === undefined ? {} : { pollMs });
  const { view, notice, done, pending } = sidebar;
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
    <Main ref={root} aria-label={t("app.sidebarLabel")}>
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
          <IdentityCard context={view.context} pending={pending} onAct={sidebar.act} />
          {noticeAbout("identity")}
          <Section title={t("workflow.heading")} testId="workflow">
            {view.context.workflow ? (
              <WorkflowStepper workflow={view.context.workflow} />
            ) : (
              <SM>{t("workflow.none")}</SM>
            )}
            <WorkflowActions context={view.context} pending={pending} onAct={sidebar.act} />
          </Section>
          {noticeAbout("workflow")}
          <Candidates context={view.context} pending={pending} onAct={sidebar.act} />
          {noticeAbout("candidates")}
          <SummaryEditor context={view.context} pending={pending} onSave={sidebar.editSummary} />
          {noticeAbout("summary")}
          <ThreadTimeline context={view.context} />
          <LinkedTickets context={view.context} />
          <NoteStatus context={view.context} pending={pending} onRetry={sidebar.retryNote} />
          {noticeAbout("notes")}
          <HandoffPayload context={view.context} />
        </>
      ) : null}
    </Main>
  );
}
