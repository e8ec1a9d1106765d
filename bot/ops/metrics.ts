import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'

/** Prometheus metrics: webhook events, job outcomes, LINE API calls by status. One registry per process. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    webhookRequests: new Counter({
      name: 'webhook_requests_total',
      help: 'POST /webhook requests by HTTP status',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: 'webhook_events_total',
      help: 'Webhook events by type and whether they were new or redelivered',
      labelNames: ['type', 'result'] as const,
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'jobs_total',
      help: 'Job outcomes by job name',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    lineApiCalls: new Counter({
      name: 'line_api_calls_total',
      help: 'Calls to the LINE Platform by endpoint and HTTP status (0 = network error)',
      labelNames: ['endpoint', 'status'] as const,
      registers: [registry],
    }),
    webhookDuration: new Histogram({
      name: 'webhook_duration_seconds',
      help: 'Time to acknowledge a webhook',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
      registers: [registry],
    }),
  }
}
export type Metrics = ReturnType<typeof createMetrics>
