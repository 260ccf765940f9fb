export * from './anomaly.types';
export * from './anomaly.rules';
export * from './anomalies.query';
export * from './anomaly-cases.projection';
export { AnomalyCases1764400000000 } from './anomaly-cases.migration';
