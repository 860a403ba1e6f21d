/** Ordered shutdown: what started last stops first; a failing step does not block the others. */
export class Lifecycle {
  private readonly steps: Array<{ name: string; stop: () => Promise<void> }> = [];
  private stopping: Promise<void> | null = null;

  onStop(name: string, stop: () => Promise<void>): void {
    this.steps.push({ name, stop });
  }

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  stop(onError: (name: string, error: unknown) => void = () => undefined): Promise<void> {
    this.stopping ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.stop();
        } catch (error) {
          onError(step.name, error);
        }
      }
    })();
    return this.stopping;
  }
}
