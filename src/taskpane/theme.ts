import type { Theme } from '@fluentui/react-components';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** The colours Office reports for its theme (`Office.context.officeTheme`), as plain data. */
export interface OfficeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Relative luminance of "#rrggbb" (WCAG), undefined for anything else. */
function luminance(colour: string | undefined): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour ?? '');
  if (!match) return undefined;
  const channel = (i: number): number => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Fluent's theme for the pane: high contrast when the system forces its colours, else light or
 * dark as Office is (older Office says it only through its background), on Office's own body colours.
 */
export function paneTheme(office: OfficeColours | null | undefined, forcedColours: boolean): Theme {
  if (forcedColours) return teamsHighContrastTheme;
  if (office === undefined || office === null) return webLightTheme;
  const dark = office.isDarkTheme ?? (luminance(office.bodyBackgroundColor) ?? 1) < 0.2;
  const base = dark ? webDarkTheme : webLightTheme;
  const background =
    luminance(office.bodyBackgroundColor) === undefined ? {} : { colorNeutralBackground1: office.bodyBackgroundColor! };
  const foreground =
    luminance(office.bodyForegroundColor) === undefined ? {} : { colorNeutralForeground1: office.bodyForegroundColor! };
  return { ...base, ...background, ...foreground };
}
