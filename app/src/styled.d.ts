import "styled-components";
import type { IGardenTheme } from "@zendeskgarden/react-theming";

// Garden's ThemeProvider supplies the styled-components theme.
declare module "styled-components" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefaultTheme extends IGardenTheme {}
}
