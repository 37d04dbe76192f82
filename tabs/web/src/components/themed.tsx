/** Fluent UI with the Teams theme of the moment (light, dark, high contrast), following changes. */
import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { Host, ThemeName } from '../teams/host';

const THEMES: Record<ThemeName, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

export function Themed({ host, language, children }: { host: Host; language: string; children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => {
    setTheme(host.theme);
    return host.onThemeChange(setTheme);
  }, [host]);
  // Before the browser paints: the page's language and theme change in the same frame as its text,
  // so a screen reader (or anything reading the page) never meets English text under lang="sv".
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = theme;
    document.body.style.backgroundColor = THEMES[theme].colorNeutralBackground2;
  }, [language, theme]);
  return (
    <FluentProvider theme={THEMES[theme]} className="app-root" data-theme={theme} lang={language}>
      {children}
    </FluentProvider>
  );
}
