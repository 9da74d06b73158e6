import type { SetupApi } from "../../api/setup-api";
import type { Ended } from "../../hooks/useSetup";
import { ConsentPanel } from "./ConsentPanel";

/** Connect: the admin's consent lets the Worker set the account up (and signs them in). */
export function ConnectPanel(props: {
  api: SetupApi;
  connected: boolean;
  waiting: boolean;
  ended: Ended | null;
  onWaiting: (state: string | null) => void;
}) {
  return (
    <ConsentPanel
      api={props.api}
      intent="connect"
      isPrimary={!props.connected}
      waiting={props.waiting}
      ended={props.ended}
      onWaiting={props.onWaiting}
      copy={{
        title: props.connected ? "setup.connect.again" : "setup.connect.title",
        body: "setup.connect.body",
        button: "setup.connect.button",
        waiting: "setup.connect.waiting",
        failed: "setup.connect.failed",
        testId: "setup-connect",
        waitingTestId: "setup-waiting",
      }}
    />
  );
}
