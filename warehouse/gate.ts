/**
 * A gate that lets a fixed number of holders through at once; the others wait in arrival order,
 * each for at most its own time. The analyst sandbox queues its queries here, so that the memory
 * their results take in JavaScript is bounded by the gate's size times one result's limit.
 */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** A function that gives the place back, or null when no place came free within `timeoutMs`. */
  acquire(timeoutMs: number): Promise<(() => void) | null> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        resolve(null);
      }, timeoutMs);
      this.waiting.push(grant);
    });
  }

  /** How many hold a place now. */
  get holders(): number {
    return this.active;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // the place passes straight to the next in line, so `active` stays as it is
      if (next) next();
      else this.active--;
    };
  }
}
