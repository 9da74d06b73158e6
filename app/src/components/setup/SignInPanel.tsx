import type { SetupApi } from "../../api/setup-api";
import type { Ended } from "../../hooks/useSetup";
import { ConsentPanel } from "./ConsentPanel";

/**
 * "Sign in as admin": Zendesk's consent screen proves that this user is an admin of the account
 * (the Worker reads the role with the token, then revokes it), and the app collects the session
 * that proof mints. Nothing the browser says about who it is counts.
 */
export function SignInPanel(props: {
  api: SetupApi;
  waiting: boolean;
  ended: Ended | null;
  onWaiting: (state: string | null) => void;
}) {
  return (
    <ConsentPanel
      api={props.api}
      intent="admin_session"
      isPrimary
      waiting={props.waiting}
      ended={props.ended}
      onWaiting={props.onWaiting}
      copy={{
        title: "setup.signIn.title",
        body: "setup.signIn.body",
        button: "setup.signIn.button",
        waiting: "setup.signIn.waiting",
        failed: "setup.signIn.failed",
        testId: "setup-sign-in",
        waitingTestId: "setup-sign-in-waiting",
      }}
    />
  );
}
