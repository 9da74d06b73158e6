import { forwardRef, useId } from "react";
import styled from "styled-components";
import { Button, type IButtonProps } from "@zendeskgarden/react-buttons";
import { Tooltip } from "@zendeskgarden/react-tooltips";
import { SM } from "@zendeskgarden/react-typography";

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xxs};
  justify-items: start;
`;

/**
 * A button that may be unavailable for a reason the agent should read. The reason is visible
 * text tied to the button with aria-describedby (a disabled button gets no hover or focus, so a
 * tooltip alone would hide it); the tooltip repeats it where the pointer is.
 */
export const ReasonedButton = forwardRef<
  HTMLButtonElement,
  IButtonProps & { reason?: string | null; busy?: boolean }
>(function ReasonedButton({ reason, busy, children, ...button }, ref) {
  const reasonId = useId();
  const blocked = Boolean(reason);
  const control = (
    <Button
      {...button}
      ref={ref}
      disabled={blocked || button.disabled}
      aria-busy={busy || undefined}
      aria-describedby={blocked ? reasonId : undefined}
    >
      {children}
    </Button>
  );
  if (!blocked) return control;
  return (
    <Stack>
      <Tooltip content={reason} placement="top-start">
        <span>{control}</span>
      </Tooltip>
      <SM id={reasonId}>{reason}</SM>
    </Stack>
  );
});
