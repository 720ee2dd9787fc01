import { lazy, Suspense, type ComponentProps } from 'react';

// ECharts (about 170 kB compressed) arrives after the page's own content, not before it.
const Chart = lazy(() => import('./SvChart'));

/** A chart of the supervision pages: an empty box of its final height until ECharts has loaded. */
export function SvChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense
      fallback={
        <div data-testid={props.testId} style={{ width: '100%', height: props.height ?? 280 }} aria-busy="true" />
      }
    >
      <Chart {...props} />
    </Suspense>
  );
}
