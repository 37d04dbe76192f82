/**
 * The tab with what Fluent UI needs to render the same on the server and in the browser: one
 * style renderer per page (its rules go into the page's head on the server and are picked up
 * again in the browser) and one source of ids.
 */
import { RendererProvider, SSRProvider, type GriffelRenderer } from '@fluentui/react-components';
import { useEffect, useRef, type ComponentProps } from 'react';
import { TabApp } from '../components/tab-app';

type Props = ComponentProps<typeof TabApp> & {
  renderer: GriffelRenderer;
  /** Called once the page is live in the browser (never on the server). */
  onMounted?: (() => void) | undefined;
};

export function Page({ renderer, onMounted, ...props }: Props) {
  const mounted = useRef(onMounted);
  useEffect(() => mounted.current?.(), []);
  return (
    <RendererProvider renderer={renderer}>
      <SSRProvider>
        <TabApp {...props} />
      </SSRProvider>
    </RendererProvider>
  );
}
