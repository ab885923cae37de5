import type { IngestionOverview } from "@real-estate/operator";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";

export const PROCESSED = "#16a34a";
export const FAILED = "#dc2626";

function ChartPanel(props: { title: string; note: string; children: React.ReactNode }) {
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>{props.title}</h2>
          <p>{props.note}</p>
        </div>
        <div className="legend">
          <span>
            <i style={{ background: PROCESSED }} />
            processed
          </span>
          <span>
            <i style={{ background: FAILED }} />
            failed
          </span>
        </div>
      </div>
      <div className="panel-body">{props.children}</div>
    </div>
  );
}

/** Processed and failed jobs per minute over the last hour and the last day. */
export function ThroughputCharts({ o }: { o: IngestionOverview }) {
  return (
    <section className="grid grid-2" style={{ marginBottom: 16 }}>
      <ChartPanel title="Last hour" note="jobs per minute">
        <LineChart
          label="Processed and failed jobs per minute, last hour"
          start={o.hour.start}
          bucketSeconds={o.hour.bucketSeconds}
          unit="/min"
          series={[
            { label: "Processed", color: PROCESSED, values: o.hour.processed },
            { label: "Failed", color: FAILED, values: o.hour.failed },
          ]}
        />
      </ChartPanel>
      <ChartPanel title="Last 24 hours" note="average jobs per minute, 15-minute buckets">
        <LineChart
          label="Processed and failed jobs per minute, last 24 hours"
          start={o.day.start}
          bucketSeconds={o.day.bucketSeconds}
          unit="/min"
          series={[
            { label: "Processed", color: PROCESSED, values: o.day.processed },
            { label: "Failed", color: FAILED, values: o.day.failed },
          ]}
        />
      </ChartPanel>
    </section>
  );
}

/** New dead letters per hour over the last day, flagged when the last hour added some. */
export function DeadLetterTrend({ o }: { o: IngestionOverview }) {
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>New dead letters per hour</h2>
          <p>jobs that used up their attempts, last 24 hours</p>
        </div>
        <span className={`badge ${o.deadLetters.newLastHour > 0 ? "bad" : "ok"}`}>{o.deadLetters.newLastHour > 0 ? "growing" : "flat"}</span>
      </div>
      <div className="panel-body">
        <BarChart
          label="Dead letters per hour"
          values={o.deadLetteredPerHour}
          start={o.deadLetteredDayStart}
          bucketSeconds={3600}
          color={FAILED}
          unit="dead letters"
        />
      </div>
    </div>
  );
}
