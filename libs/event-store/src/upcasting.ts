import type { RecordedEvent, Upcaster } from './event-store.port';

/**
 * Applies upcasters on read, one step at a time (v1 -> v2 -> v3), until none matches. The
 * stored event is never changed: the result is a new object; metadata.schemaVersion tells the
 * shape returned.
 */
export class UpcasterChain {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) {
      if (u.toSchemaVersion <= u.fromSchemaVersion) {
        throw new Error(
          `Upcaster for ${u.type} must raise the schema version (${u.fromSchemaVersion} -> ${u.toSchemaVersion})`,
        );
      }
      const key = `${u.type}@${u.fromSchemaVersion}`;
      if (this.steps.has(key))
        throw new Error(`Two upcasters for ${u.type} from schema version ${u.fromSchemaVersion}`);
      this.steps.set(key, u);
    }
  }

  apply<E extends RecordedEvent>(event: E): E {
    if (this.steps.size === 0) return event;
    let data = event.data;
    let version = event.metadata.schemaVersion;
    for (
      let step = this.steps.get(`${event.type}@${version}`);
      step;
      step = this.steps.get(`${event.type}@${version}`)
    ) {
      data = step.upcast(structuredClone(data));
      version = step.toSchemaVersion;
    }
    if (version === event.metadata.schemaVersion) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
  }
}
